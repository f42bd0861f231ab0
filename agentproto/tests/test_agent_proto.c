/* libmoatagent: protocol messages (hello and applied out; welcome, policy,
 * ack, error in), URLs, addresses and globs, and the shape of the shared
 * vectors in protocol.json (so a broken vector file fails here first). */
#include "agent_test.h"

static void urls_name_scheme_host_port_and_path(void **state)
{
	struct ma_url u;

	(void)state;
	assert_int_equal(ma_url_parse("ws://127.0.0.1:8081/v1/agent", &u), 0);
	assert_false(u.tls);
	assert_string_equal(u.host, "127.0.0.1");
	assert_int_equal(u.port, 8081);
	assert_string_equal(u.path, "/v1/agent");
	assert_int_equal(ma_url_parse("ws://moat.example", &u), 0);
	assert_int_equal(u.port, 80);
	assert_string_equal(u.path, "/v1/agent");
	assert_int_equal(ma_url_parse("wss://moat.example/proxy/v1/agent?x=1", &u), 0);
	assert_true(u.tls);
	assert_int_equal(u.port, 443);
	assert_string_equal(u.path, "/proxy/v1/agent?x=1");
	assert_int_equal(ma_url_parse("wss://[::1]:8443", &u), 0);
	assert_string_equal(u.host, "::1");
	assert_int_equal(u.port, 8443);
	assert_int_equal(ma_url_parse("http://x", &u), -1);
	assert_int_equal(ma_url_parse("ws://:80", &u), -1);
	assert_int_equal(ma_url_parse("ws://x:", &u), -1);
	assert_int_equal(ma_url_parse("ws://x:99999", &u), -1);
	assert_int_equal(ma_url_parse("ws://x:80abc", &u), -1);
	assert_int_equal(ma_url_parse("ws://[::1", &u), -1);
	assert_int_equal(ma_url_parse("ws://x/#frag", &u), -1);
	assert_int_equal(ma_url_parse(NULL, &u), -1);
}

static void hello_carries_identity_version_and_optionally_the_token(void **state)
{
	struct ma_buf b;
	json_t *j;

	(void)state;
	ma_buf_init(&b, 8192);
	assert_int_equal(ma_proto_hello(&b, "web-1.pod-7f9c", "pod-7f9c", "c", "libmoatagent 0.1.0",
	                                "production", 4, NULL),
	                 0);
	j = json_loads(b.data, JSON_REJECT_DUPLICATES, NULL);
	assert_string_equal(json_string_value(json_object_get(j, "type")), "hello");
	assert_int_equal(json_integer_value(json_object_get(j, "protocol")), 1);
	assert_string_equal(json_string_value(json_object_get(j, "agent_id")), "web-1.pod-7f9c");
	assert_string_equal(json_string_value(json_object_get(j, "environment")), "production");
	assert_int_equal(json_integer_value(json_object_get(j, "policy_version")), 4);
	assert_null(json_object_get(j, "token"));
	json_decref(j);
	assert_int_equal(ma_proto_hello(&b, "a", "h", "c", "v", "e", 0, "moat_agt_x"), 0);
	j = json_loads(b.data, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(j, "token")), "moat_agt_x");
	json_decref(j);
	assert_int_equal(ma_proto_hello(&b, "a", "bad\xff", "c", "v", "e", 0, NULL),
	                 MOAT_AGENT_EINVAL);
	ma_buf_cleanup(&b);
}

static void applied_errors_fit_the_server_limit_and_have_no_control_bytes(void **state)
{
	struct ma_buf b;
	char err[600];
	json_t *j;
	const char *e;

	(void)state;
	ma_buf_init(&b, 8192);
	assert_int_equal(ma_proto_applied(&b, 4, 1, "ignored when ok"), 0);
	assert_string_equal(b.data, "{\"type\":\"applied\",\"version\":4,\"ok\":true}");
	/* 199 ASCII bytes then a 2-byte character across the 200-byte cut */
	memset(err, 'e', 199);
	memcpy(err + 199, "\xc3\xa9 and more\ttext", 16);
	err[215] = '\0';
	assert_int_equal(ma_proto_applied(&b, 5, 0, err), 0);
	j = json_loads(b.data, 0, NULL);
	assert_false(json_is_true(json_object_get(j, "ok")));
	e = json_string_value(json_object_get(j, "error"));
	assert_int_equal(strlen(e), 199);
	json_decref(j);
	assert_int_equal(ma_proto_applied(&b, 5, 0, "bad\nline\x7f"), 0);
	j = json_loads(b.data, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(j, "error")), "bad?line?");
	json_decref(j);
	ma_buf_cleanup(&b);
}

static void credits_in_welcome_and_ack_bound_the_next_batch(void **state)
{
	struct ma_msg m;
	char reason[200];
	const char *w = "{\"type\":\"welcome\",\"agent_id\":\"a\",\"project\":\"shop\","
	                "\"environment\":\"production\",\"heartbeat_s\":15,\"credits\":20}";
	const char *ack = "{\"type\":\"ack\",\"seq\":3,\"accepted\":1,\"duplicates\":0,"
	                  "\"credits\":750,\"rejected\":[]}";
	const char *odd = "{\"type\":\"ack\",\"seq\":3,\"credits\":\"many\"}";

	(void)state;
	assert_int_equal(ma_proto_parse(w, strlen(w), &m, reason, sizeof reason), 0);
	assert_int_equal(m.credits, 20);
	json_decref(m.root);
	assert_int_equal(ma_proto_parse(ack, strlen(ack), &m, reason, sizeof reason), 0);
	assert_int_equal(m.credits, 750);
	json_decref(m.root);
	assert_int_equal(ma_proto_parse(odd, strlen(odd), &m, reason, sizeof reason), 0);
	assert_int_equal(m.credits, 0); /* not understood: no limit said */
	json_decref(m.root);
	/* no credits (an older server): whole batches, 8 in flight */
	assert_int_equal(ma_credit_room(0, 4000, 7, 500), 500);
	assert_int_equal(ma_credit_room(0, 0, MA_MAX_INFLIGHT, 500), 0);
	/* credits: what they leave, up to a batch; nothing once used up */
	assert_int_equal(ma_credit_room(20, 0, 0, 500), 20);
	assert_int_equal(ma_credit_room(750, 600, 2, 500), 150);
	assert_int_equal(ma_credit_room(4000, 100, 1, 500), 500);
	assert_int_equal(ma_credit_room(750, 750, 2, 500), 0);
	assert_int_equal(ma_credit_room(100, 300, 1, 500), 0); /* lowered below what is in flight */
	assert_int_equal(ma_credit_room(4000, 0, MA_MAX_INFLIGHT, 500), 0);
}

static void server_messages_are_parsed_and_unknown_types_passed_on(void **state)
{
	struct ma_msg m;
	char reason[200];
	const char *w = "{\"type\":\"welcome\",\"agent_id\":\"a\",\"project\":\"shop\","
	                "\"environment\":\"production\",\"heartbeat_s\":15}";
	const char *ack = "{\"type\":\"ack\",\"seq\":17,\"accepted\":48,\"duplicates\":2,"
	                  "\"rejected\":[{\"index\":5,\"reason\":\"severity: bad\"}]}";

	(void)state;
	assert_int_equal(ma_proto_parse(w, strlen(w), &m, reason, sizeof reason), 0);
	assert_int_equal(m.type, MA_MSG_WELCOME);
	assert_int_equal(m.heartbeat_s, 15);
	json_decref(m.root);
	assert_int_equal(ma_proto_parse("{\"type\":\"welcome\"}", 18, &m, reason, sizeof reason),
	                 0);
	assert_int_equal(m.heartbeat_s, 20); /* the default */
	json_decref(m.root);
	assert_int_equal(ma_proto_parse(ack, strlen(ack), &m, reason, sizeof reason), 0);
	assert_int_equal(m.type, MA_MSG_ACK);
	assert_int_equal(m.seq, 17);
	assert_int_equal(m.accepted, 48);
	assert_int_equal(m.duplicates, 2);
	assert_int_equal(m.nrejected, 1);
	assert_int_equal(m.credits, 0); /* an older server says none */
	json_decref(m.root);
	assert_int_equal(
	    ma_proto_parse("{\"type\":\"error\",\"code\":\"bad_message\",\"message\":\"x\"}", 51,
	                   &m, reason, sizeof reason),
	    0);
	assert_int_equal(m.type, MA_MSG_ERROR);
	assert_string_equal(m.code, "bad_message");
	json_decref(m.root);
	assert_int_equal(
	    ma_proto_parse("{\"type\":\"news\",\"x\":1}", 21, &m, reason, sizeof reason), 0);
	assert_int_equal(m.type, MA_MSG_UNKNOWN);
	assert_string_equal(m.type_name, "news");
	json_decref(m.root);
	/* a policy with a bad document is still a policy: it gets applied ok:false */
	assert_int_equal(ma_proto_parse("{\"type\":\"policy\",\"version\":3,\"document\":1}", 42,
	                                &m, reason, sizeof reason),
	                 0);
	assert_int_equal(m.type, MA_MSG_POLICY);
	assert_null(m.sha256);
	json_decref(m.root);
	assert_int_equal(
	    ma_proto_parse("{\"type\":\"policy\",\"version\":0}", 29, &m, reason, sizeof reason),
	    -1);
	assert_int_equal(ma_proto_parse("{\"type\":\"ack\"}", 14, &m, reason, sizeof reason), -1);
	assert_int_equal(ma_proto_parse("[1]", 3, &m, reason, sizeof reason), -1);
	assert_int_equal(ma_proto_parse("{\"type\":1}", 10, &m, reason, sizeof reason), -1);
	assert_int_equal(
	    ma_proto_parse("{\"type\":\"ack\",\"type\":\"ack\"}", 26, &m, reason, sizeof reason),
	    -1);
	assert_int_equal(ma_proto_parse("{", 1, &m, reason, sizeof reason), -1);
}

static void cidrs_and_addresses_parse_and_contain(void **state)
{
	struct ma_cidr n, ip;

	(void)state;
	assert_int_equal(ma_cidr_parse("203.0.113.7/24", &n), 0); /* host bits cleared */
	assert_int_equal(n.family, 4);
	assert_int_equal(n.bits, 24);
	assert_int_equal(n.addr[3], 0);
	assert_int_equal(ma_ip_parse("203.0.113.200", &ip), 0);
	assert_true(ma_cidr_contains(&n, &ip));
	assert_int_equal(ma_cidr_parse("0.0.0.0/0", &n), 0);
	assert_true(ma_cidr_contains(&n, &ip));
	assert_int_equal(ma_cidr_parse("203.0.113.200/32", &n), 0);
	assert_true(ma_cidr_contains(&n, &ip));
	assert_int_equal(ma_cidr_parse("203.0.113.201/31", &n), 0);
	assert_true(ma_cidr_contains(&n, &ip));
	assert_int_equal(ma_cidr_parse("203.0.113.202/31", &n), 0);
	assert_false(ma_cidr_contains(&n, &ip));
	assert_int_equal(ma_cidr_parse("2001:db8::/33", &n), 0);
	assert_int_equal(ma_ip_parse("2001:db8:7fff::1", &ip), 0);
	assert_true(ma_cidr_contains(&n, &ip));
	assert_int_equal(ma_ip_parse("2001:db8:8000::1", &ip), 0);
	assert_false(ma_cidr_contains(&n, &ip));
	assert_int_equal(ma_ip_parse("203.0.113.200", &ip), 0);
	assert_false(ma_cidr_contains(&n, &ip)); /* families differ */
	assert_int_equal(ma_cidr_parse("::ffff:10.0.0.0/104", &n), 0);
	assert_int_equal(n.family, 4);
	assert_int_equal(n.bits, 8);
	assert_int_equal(ma_ip_parse("::ffff:10.9.8.7", &ip), 0);
	assert_int_equal(ip.family, 4);
	assert_true(ma_cidr_contains(&n, &ip));
	assert_int_equal(ma_cidr_parse("10.0.0.0/33", &n), -1);
	assert_int_equal(ma_cidr_parse("10.0.0.0/", &n), -1);
	assert_int_equal(ma_cidr_parse("10.0.0.0/a", &n), -1);
	assert_int_equal(ma_cidr_parse("10.0.0/8", &n), -1);
	assert_int_equal(ma_cidr_parse("::/129", &n), -1);
	assert_int_equal(ma_cidr_parse("/8", &n), -1);
	assert_int_equal(ma_ip_parse("10.0.0.1/32", &ip), -1);
	assert_int_equal(ma_ip_parse("", &ip), -1);
	assert_int_equal(ma_ip_parse("fe80::1%eth0", &ip), -1);
}

static void globs_treat_only_the_star_as_special(void **state)
{
	(void)state;
	assert_true(ma_glob_match("*", ""));
	assert_true(ma_glob_match("*", "/anything/at/all"));
	assert_true(ma_glob_match("/cms/*", "/cms/"));
	assert_true(ma_glob_match("/cms/*", "/cms/a/b/c"));
	assert_false(ma_glob_match("/cms/*", "/cms"));
	assert_false(ma_glob_match("/cms/*", "/x/cms/a"));
	assert_true(ma_glob_match("/a/*/b", "/a/x/y/b"));
	assert_false(ma_glob_match("/a/*/b", "/a/x/y/bc"));
	assert_true(ma_glob_match("*.php", "/x/index.php"));
	assert_true(ma_glob_match("/a**b", "/ab"));
	assert_true(ma_glob_match("/api/v?/x", "/api/v?/x")); /* '?' is literal */
	assert_false(ma_glob_match("/api/v?/x", "/api/v1/x"));
	assert_true(ma_glob_match("/[a]", "/[a]"));
	assert_false(ma_glob_match("/exact", "/exact/"));
	assert_true(ma_glob_match("/exact", "/exact"));
}

/* ---- the vector file's shape ---- */

static int known_step(json_t *st)
{
	static const char *const kinds[] = {"send",        "send_text", "send_binary_hex",
	                                    "send_events", "expect",    "expect_no",
	                                    "sleep_ms",    "reconnect", "open_second"};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (json_object_get(st, kinds[i]))
			return 1;
	return 0;
}

static void the_protocol_vectors_are_well_formed_and_cover_every_close_code(void **state)
{
	static const int codes[] = {4400, 4401, 4404, 4408, 4409, 1009};
	int seen[sizeof codes / sizeof codes[0]] = {0};
	json_t *v = at_load_vectors("protocol.json"), *c, *names = json_object();
	size_t i, opens = 0, events = 0;

	(void)state;
	assert_int_equal(json_integer_value(json_object_get(v, "format")), 1);
	assert_int_equal(json_integer_value(json_object_get(v, "protocol")), 1);
	json_array_foreach(json_object_get(v, "cases"), i, c)
	{
		const char *name = json_string_value(json_object_get(c, "name"));
		json_t *steps = json_object_get(c, "steps"), *end = json_object_get(c, "end"), *st;
		size_t k;
		assert_non_null(name);
		if (json_object_get(names, name))
			fail_msg("duplicate case name: %s", name);
		json_object_set_new(names, name, json_true());
		assert_true(json_is_array(steps));
		json_array_foreach(steps, k, st)
		{
			if (!known_step(st))
				fail_msg("%s: step %zu has no known kind", name, k);
			if (json_object_get(st, "send_events")) {
				json_t *se = json_object_get(st, "send_events");
				assert_true(json_is_integer(json_object_get(se, "seq")));
				assert_true(json_is_integer(json_object_get(se, "count")));
				assert_true(json_is_object(json_object_get(se, "event")));
			}
		}
		if (json_is_true(json_object_get(end, "open"))) {
			opens++;
		} else {
			int code = (int)json_integer_value(json_object_get(end, "close"));
			int known = 0;
			for (size_t j = 0; j < sizeof codes / sizeof codes[0]; j++)
				if (code == codes[j]) {
					seen[j]++;
					known = 1;
				}
			if (!known)
				fail_msg("%s: end is neither open nor a client-triggered close",
				         name);
		}
		{
			json_t *tags = json_object_get(c, "tags"), *t;
			size_t ti;
			json_array_foreach(tags, ti, t)
			{
				if (!strcmp(json_string_value(t), "events"))
					events++;
			}
		}
	}
	for (size_t j = 0; j < sizeof codes / sizeof codes[0]; j++)
		if (!seen[j])
			fail_msg("no vector closes with %d", codes[j]);
	assert_true(seen[0] >= 20); /* 4400: every way to break a message */
	assert_true(opens >= 8);
	assert_true(events >= 8);
	json_decref(names);
	json_decref(v);
}

static void vector_events_in_batches_are_judged_as_the_library_judges_them(void **state)
{
	/* The batch with invalid events names exactly the indexes that the
	 * library's validator refuses. */
	json_t *v = at_load_vectors("protocol.json"), *c;
	int64_t now = ma_now_ms();
	size_t i, checked = 0;

	(void)state;
	json_array_foreach(json_object_get(v, "cases"), i, c)
	{
		json_t *steps = json_object_get(c, "steps"), *st, *batch = NULL, *ack = NULL;
		size_t k;
		json_array_foreach(steps, k, st)
		{
			json_t *send = json_object_get(st, "send"),
			       *exp = json_object_get(st, "expect");
			if (json_is_object(send) && json_is_array(json_object_get(send, "events")))
				batch = send;
			if (batch && exp && json_object_get(exp, "rejected") && !ack)
				ack = exp;
		}
		if (!batch || !ack || !json_array_size(json_object_get(ack, "rejected")))
			continue;
		{
			json_t *evs = json_deep_copy(json_object_get(batch, "events")), *e;
			json_t *rej = json_object_get(ack, "rejected");
			size_t n, r = 0;
			int accepted = 0;
			at_substitute(evs, now);
			json_array_foreach(evs, n, e)
			{
				char reason[200];
				if (ma_event_check(e, now, reason, sizeof reason) == 0) {
					accepted++;
					continue;
				}
				assert_true(r < json_array_size(rej));
				assert_int_equal(json_integer_value(json_object_get(
				                     json_array_get(rej, r), "index")),
				                 n);
				r++;
			}
			assert_int_equal(r, json_array_size(rej));
			assert_int_equal(accepted,
			                 json_integer_value(json_object_get(ack, "accepted")));
			json_decref(evs);
			checked++;
		}
	}
	assert_true(checked >= 1);
	json_decref(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(urls_name_scheme_host_port_and_path),
	    cmocka_unit_test(hello_carries_identity_version_and_optionally_the_token),
	    cmocka_unit_test(applied_errors_fit_the_server_limit_and_have_no_control_bytes),
	    cmocka_unit_test(server_messages_are_parsed_and_unknown_types_passed_on),
	    cmocka_unit_test(cidrs_and_addresses_parse_and_contain),
	    cmocka_unit_test(globs_treat_only_the_star_as_special),
	    cmocka_unit_test(the_protocol_vectors_are_well_formed_and_cover_every_close_code),
	    cmocka_unit_test(credits_in_welcome_and_ack_bound_the_next_batch),
	    cmocka_unit_test(vector_events_in_batches_are_judged_as_the_library_judges_them),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
