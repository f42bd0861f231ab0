/*
 * schema.h — the migrations embedded at build time
 * (scripts/embed_schema.sh generates build/schema_embed.c from every
 * schema/NNN_name.sql, and from schema/postgres/NNN_name.sql, the same
 * migrations in PostgreSQL's dialect: the same numbers and names, which
 * the script checks). Read-only.
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
extern const struct schema_migration schema_pg_migrations[];
extern const int schema_pg_migration_count;

#endif
