/*
 * schema.h — the migrations embedded at build time
 * (scripts/embed_schema.sh generates build/schema_embed.c from every schema/NNN_name.sql).
 * Read-only.
 */
#ifndef MOAT_SCHEMA_H
#define MOAT_SCHEMA_H

struct schema_migration {
	int version;
	const char *name;
	const char *sql;
};

extern const struct schema_migration schema_migrations[];
extern const int schema_migration_count;

#endif
