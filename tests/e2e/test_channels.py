"""Notification channels: create (a webhook's secret shown once), list,
read, change, delete; URLs and secrets masked afterwards and never logged;
validation and the refusal of plainly private targets; roles; the delivery
log; and config as code (a policy's "Notifications", in the compact form,
the appsettings.json wrapper and the seed SDK's init form)."""


import moat
from moat import check, eq, expect, expect_problem, unique

SLACK = "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx"
HOOK = "https://receiver.example.com/moat/hooks/0123456789abcdef"
CHANNEL_KEYS = {"id", "kind", "name", "url", "enabled", "interceptors", "min_severity", "actions",
                "environments", "notify_on", "rollout_stall_seconds", "throttle_seconds",
                "source", "created_at", "updated_at", "created_by"}


def _tok(srv):
    return {"token": srv.admin_token()}


def _project(srv):
    slug = unique("ch")
    srv.create_project(slug)
    return slug


def _cpath(slug, cid=None, tail=""):
    p = "/api/v1/projects/%s/channels" % slug
    if cid is not None:
        p += "/%s" % cid
    return p + tail


def _create(srv, slug, **body):
    b = {"kind": "slack", "name": unique("c"), "url": SLACK}
    b.update(body)
    return expect(srv.req("POST", _cpath(slug), b, **_tok(srv)), 201)


def _ppath(slug, env="production"):
    return "/api/v1/projects/%s/environments/%s/policy" % (slug, env)


# -- CRUD


def test_a_channel_is_created_listed_read_changed_and_deleted(srv):
    slug = _project(srv)
    c = _create(srv, slug, name="ops-slack")
    missing = CHANNEL_KEYS - set(c)
    check(not missing, "created channel lacks %r: %r" % (missing, c))
    eq(c["kind"], "slack", "kind")
    eq(c["name"], "ops-slack", "name")
    eq(c["enabled"], True, "enabled")
    # no filters: every candidate event
    eq(c["interceptors"], [], "interceptors")
    eq(c["actions"], [], "actions")
    eq(c["environments"], [], "environments")
    eq(c["min_severity"], "low", "min_severity")
    eq(c["throttle_seconds"], 60, "throttle_seconds default")
    eq(c["notify_on"], {"threats": True, "policy_failed": True, "rollout_stalled": True,
                        "environment_offline": True}, "notify_on default")
    eq(c["source"], "api", "source")
    check("secret" not in c, "a Slack channel has a secret: %r" % c)

    lst = expect(srv.req("GET", _cpath(slug), **_tok(srv)), 200)["channels"]
    eq([x["id"] for x in lst], [c["id"]], "listed channels")
    got = expect(srv.req("GET", _cpath(slug, c["id"]), **_tok(srv)), 200)
    eq(got, c, "GET of the created channel")

    ch = expect(srv.req("PATCH", _cpath(slug, c["id"]),
                        {"interceptors": ["sql_injection", "xss"], "min_severity": "high",
                         "actions": ["blocked"], "environments": ["production"],
                         "notify_on": {"environment_offline": False}, "throttle_seconds": 5,
                         "enabled": False}, **_tok(srv)), 200)
    eq(ch["interceptors"], ["sql_injection", "xss"], "interceptors after PATCH")
    eq(ch["min_severity"], "high", "min_severity after PATCH")
    eq(ch["actions"], ["blocked"], "actions after PATCH")
    eq(ch["environments"], ["production"], "environments after PATCH")
    eq(ch["notify_on"]["environment_offline"], False, "notify_on after PATCH")
    eq(ch["notify_on"]["threats"], True, "notify_on keys not named stay")
    eq(ch["throttle_seconds"], 5, "throttle_seconds after PATCH")
    eq(ch["enabled"], False, "enabled after PATCH")
    eq(ch["name"], "ops-slack", "name untouched by PATCH")

    expect(srv.req("DELETE", _cpath(slug, c["id"]), **_tok(srv)), 204)
    expect_problem(srv.req("GET", _cpath(slug, c["id"]), **_tok(srv)), 404, "not_found")
    eq(expect(srv.req("GET", _cpath(slug), **_tok(srv)), 200)["channels"], [], "after DELETE")

    audit = expect(srv.req("GET", "/api/v1/audit?project=%s" % slug, **_tok(srv)), 200)["entries"]
    actions = [e["action"] for e in audit if e["action"].startswith("channel.")]
    eq(sorted(actions), ["channel.create", "channel.delete", "channel.update"], "audited channel changes")
    upd = [e for e in audit if e["action"] == "channel.update"][0]
    check("min_severity" in upd["details"].get("changed", []), "update audit lacks changed fields: %r" % upd)


def test_names_are_unique_in_a_project(srv):
    slug = _project(srv)
    _create(srv, slug, name="dup")
    expect_problem(srv.req("POST", _cpath(slug), {"kind": "slack", "name": "dup", "url": SLACK},
                           **_tok(srv)), 409, "conflict")


# -- secrets and masking


def test_a_webhook_secret_is_shown_once_and_never_again(srv):
    slug = _project(srv)
    c = _create(srv, slug, kind="webhook", name="siem", url=HOOK)
    secret = c.get("secret", "")
    check(secret.startswith("whsec_") and len(secret) >= 40, "secret %r" % secret)
    reads = [srv.req("GET", _cpath(slug), **_tok(srv)),
             srv.req("GET", _cpath(slug, c["id"]), **_tok(srv)),
             srv.req("PATCH", _cpath(slug, c["id"]), {"name": "siem-2"}, **_tok(srv)),
             srv.req("GET", _cpath(slug, c["id"], "/deliveries"), **_tok(srv)),
             srv.req("GET", "/api/v1/audit?project=%s" % slug, **_tok(srv))]
    for r in reads:
        expect(r, 200)
        text = r.raw.decode("utf-8")
        check(secret not in text, "%s shows the secret" % r.describe())
        check(secret[6:20] not in text, "%s shows part of the secret" % r.describe())
        check(HOOK not in text and "0123456789abcdef" not in text,
              "%s shows the full URL" % r.describe())
    got = expect(srv.req("GET", _cpath(slug, c["id"]), **_tok(srv)), 200)
    check(got["secret"] != secret and "…" in got["secret"], "masked secret %r" % got["secret"])
    log = srv.log()
    check(secret not in log, "the secret is in the moatd log")
    check(HOOK not in log and SLACK not in log, "a channel URL is in the moatd log")


def test_urls_are_masked_after_creation(srv):
    slug = _project(srv)
    c = _create(srv, slug)
    eq(c["url"], "https://hooks.slack.com/…uvwx", "masked Slack URL")
    c = _create(srv, slug, kind="webhook", url="https://h.example.com:8443/a/b/c/d/e/f/g/h/i")
    eq(c["url"], "https://h.example.com:8443/…/h/i", "masked URL with a port")
    c = _create(srv, slug, kind="webhook", url="https://h.example.com/x")
    eq(c["url"], "https://h.example.com/…", "a short path shows nothing of itself")


# -- validation


INVALID = [
    ("unknown kind", {"kind": "email"}, "$.kind"),
    ("no name", {"name": None}, "$.name"),
    ("no url", {"url": None}, "$.url"),
    ("ftp url", {"url": "ftp://files.example.com/x"}, "$.url"),
    ("url with credentials", {"url": "https://user:pw@example.com/x"}, "$.url"),
    ("url with a space", {"url": "https://example.com/a b"}, "$.url"),
    ("bad port", {"url": "https://example.com:0/x"}, "$.url"),
    ("unknown interceptor", {"interceptors": ["sql_injection", "csrf"]}, "$.interceptors[1]"),
    ("interceptors not a list", {"interceptors": "xss"}, "$.interceptors"),
    ("bad severity", {"min_severity": "urgent"}, "$.min_severity"),
    ("bad action", {"actions": ["dropped"]}, "$.actions[0]"),
    ("unknown environment", {"environments": ["nowhere"]}, "$.environments[0]"),
    ("throttle too long", {"throttle_seconds": 86401}, "$.throttle_seconds"),
    ("throttle negative", {"throttle_seconds": -1}, "$.throttle_seconds"),
    ("notify_on unknown key", {"notify_on": {"everything": True}}, "$.notify_on.everything"),
    ("notify_on not a boolean", {"notify_on": {"threats": "yes"}}, "$.notify_on.threats"),
    ("unknown field", {"colour": "red"}, "$.colour"),
    ("reserved name", {"name": "policy:production:slack"}, "$.name"),
]


def test_each_invalid_channel_is_refused_with_its_json_path(srv):
    slug = _project(srv)
    bad = []
    for what, over, path in INVALID:
        body = {"kind": "slack", "name": unique("v"), "url": SLACK}
        for k, v in over.items():
            if v is None:
                body.pop(k)
            else:
                body[k] = v
        r = srv.req("POST", _cpath(slug), body, **_tok(srv))
        b = r.body if isinstance(r.body, dict) else {}
        paths = [e.get("path") for e in b.get("errors") or []]
        if r.status != 422 or path not in paths:
            bad.append("%s: want 422 at %s, got %s" % (what, path, r.describe()))
    check(not bad, "\n".join(bad))
    eq(expect(srv.req("GET", _cpath(slug), **_tok(srv)), 200)["channels"], [], "nothing created")


PRIVATE = ["http://127.0.0.1:9/x", "http://localhost/x", "http://LOCALHOST./x",
           "http://api.localhost/x", "http://169.254.169.254/latest/meta-data",
           "http://[::1]/x", "http://10.0.0.8/x", "http://192.168.1.1/x", "http://172.20.0.1/x",
           "http://2130706433/x", "http://0x7f.1/x", "http://0.0.0.0/x", "http://[fd00::1]/x",
           "http://[fe80::1]/x", "http://[::ffff:127.0.0.1]/x", "http://100.64.0.1/x"]


def test_plainly_private_targets_are_refused_without_the_flag(srv):
    slug = _project(srv)
    bad = []
    for url in PRIVATE:
        r = srv.req("POST", _cpath(slug), {"kind": "webhook", "name": unique("p"), "url": url},
                    **_tok(srv))
        b = r.body if isinstance(r.body, dict) else {}
        paths = [e.get("path") for e in b.get("errors") or []]
        if r.status != 422 or paths != ["$.url"]:
            bad.append("%s: want 422 at $.url, got %s" % (url, r.describe()))
    check(not bad, "\n".join(bad))
    c = _create(srv, slug, kind="webhook", url=HOOK)
    expect_problem(srv.req("PATCH", _cpath(slug, c["id"]), {"url": "http://127.0.0.1/x"}, **_tok(srv)),
                   422, "validation_failed", "$.url")
    eq(expect(srv.req("GET", _cpath(slug), **_tok(srv)), 200)["channels"][0]["url"],
       "https://receiver.example.com/…cdef", "URL after a refused PATCH")


def test_private_targets_are_accepted_with_the_flag_or_the_variable(srv):
    for kw in ({"extra_args": ["--allow-private-webhooks"]},
               {"env": {"MOAT_ALLOW_PRIVATE_WEBHOOKS": "1"}}):
        with moat.server(**kw) as s:
            slug = _project(s)
            for url in ("http://127.0.0.1:9/x", "http://169.254.169.254/x", "http://[::1]:8/x"):
                expect(s.req("POST", _cpath(slug), {"kind": "webhook", "name": unique("p"), "url": url},
                             **_tok(s)), 201)


# -- roles and scope


def test_viewers_read_channels_and_editors_change_them(srv):
    slug = _project(srv)
    c = _create(srv, slug)
    vuser, vpw = srv.create_user(unique("viewer") + "@example.com", "viewer")
    viewer = srv.login(vuser["email"], vpw)
    ci = srv.create_token("ci", "ci", project=slug)
    expect(viewer.req("GET", _cpath(slug)), 200)
    expect(viewer.req("GET", _cpath(slug, c["id"])), 200)
    expect(viewer.req("GET", _cpath(slug, c["id"], "/deliveries")), 200)
    for method, path, body in (("POST", _cpath(slug), {"kind": "slack", "name": "v", "url": SLACK}),
                               ("PATCH", _cpath(slug, c["id"]), {"name": "v"}),
                               ("DELETE", _cpath(slug, c["id"]), None),
                               ("POST", _cpath(slug, c["id"], "/test"), {})):
        expect_problem(viewer.req(method, path, body), 403, "forbidden")
        expect_problem(srv.req(method, path, body, token=ci), 403, "forbidden")
        expect_problem(srv.req(method, path, body), 401, "unauthenticated")
    expect_problem(srv.req("GET", _cpath(slug), token=ci), 403, "forbidden")
    # another project's channel is not found through this one
    other = _project(srv)
    expect_problem(srv.req("GET", _cpath(other, c["id"]), **_tok(srv)), 404, "not_found")
    expect_problem(srv.req("DELETE", _cpath(other, c["id"]), **_tok(srv)), 404, "not_found")
    expect_problem(srv.req("GET", _cpath(slug, "abc"), **_tok(srv)), 404, "not_found")


def test_the_delivery_log_of_a_new_channel_is_empty(srv):
    slug = _project(srv)
    c = _create(srv, slug)
    b = expect(srv.req("GET", _cpath(slug, c["id"], "/deliveries"), **_tok(srv)), 200)
    eq(b, {"deliveries": [], "next_cursor": None}, "delivery log")
    expect_problem(srv.req("GET", _cpath(slug, c["id"], "/deliveries?cursor=x"), **_tok(srv)),
                   400, "bad_request")
    expect_problem(srv.req("GET", _cpath(slug, c["id"], "/deliveries?limit=0"), **_tok(srv)),
                   400, "bad_request")


# -- config as code


def _monitor(notifications=None, **extra):
    m = {"ProjectToken": "bh_live_DO-NOT-STORE-0123456789",
         "Interceptors": ["SqlInjection", "XSS"], "ThreatAction": "BlockAndAlert"}
    if notifications is not None:
        m["Notifications"] = notifications
    m.update(extra)
    return m


def _policy_channels(srv, slug):
    return [c for c in expect(srv.req("GET", _cpath(slug), **_tok(srv)), 200)["channels"]
            if c["source"] == "policy"]


def test_the_appsettings_wrapper_is_accepted_whole_and_its_token_never_stored(srv):
    slug = _project(srv)
    plain = expect(srv.req("PUT", _ppath(slug) + "?dry_run=true",
                           {"Interceptors": ["SqlInjection", "XSS"], "ThreatAction": "BlockAndAlert"},
                           **_tok(srv)), 200)["document"]
    doc = {"Logging": {"LogLevel": {"Default": "Information"}}, "AllowedHosts": "*",
           "ByteHide": {"Monitor": _monitor({"Slack": SLACK})}}
    r = expect(srv.req("PUT", _ppath(slug), doc, **_tok(srv)), 200)
    eq(r["changed"], True, "changed")
    got = expect(srv.req("GET", _ppath(slug), **_tok(srv)), 200)
    eq(got, plain, "the stored document is the compact form's")
    chans = _policy_channels(srv, slug)
    eq([(c["kind"], c["name"], c["environments"]) for c in chans],
       [("slack", "policy:production:slack", ["production"])], "channels made by the policy")
    eq(chans[0]["url"], "https://hooks.slack.com/…uvwx", "masked URL")
    check(b"DO-NOT-STORE" not in srv.db_contents(), "the ProjectToken is in the database")
    check("DO-NOT-STORE" not in srv.log(), "the ProjectToken is in the log")
    audit = expect(srv.req("GET", "/api/v1/audit?project=%s" % slug, **_tok(srv)), 200)["entries"]
    check(any(e["action"] == "channel.create" and e["details"].get("source") == "policy"
              for e in audit), "no channel.create audit entry from the policy")
    check(SLACK not in str(audit), "the Slack URL is in the audit log")


def test_the_seed_sdk_init_form_is_accepted_and_normalised(srv):
    slug = _project(srv)
    a = expect(srv.req("PUT", _ppath(slug) + "?dry_run=true",
                       {"interceptors": ["sql", "xss", "ssrf"],
                        "onThreat": {"action": "block", "notify": True}}, **_tok(srv)), 200)
    b = expect(srv.req("PUT", _ppath(slug) + "?dry_run=true",
                       {"Interceptors": ["sql", "xss", "ssrf"], "ThreatAction": "BlockAndAlert"},
                       **_tok(srv)), 200)
    eq(a["document"], b["document"], "the init form vs the compact form")
    c = expect(srv.req("PUT", _ppath(slug) + "?dry_run=true",
                       {"interceptors": ["sql"], "onThreat": {"action": "log", "notify": False}},
                       **_tok(srv)), 200)["document"]
    eq(c["interceptors"]["sql_injection"]["mode"], "monitor", "action log")
    eq(c["interceptors"]["sql_injection"]["notify"], False, "notify false")
    eq(c["interceptors"]["xss"]["mode"], "off", "an interceptor not named")
    r = expect(srv.req("PUT", _ppath(slug), {"interceptors": ["sql", "xss"],
                                              "onThreat": {"action": "block", "notify": True}},
                       **_tok(srv)), 200)
    eq(r["changed"], True, "the init form commits")
    for doc, path in (({"interceptors": ["sql", "csrf"], "onThreat": {"action": "block"}}, "$.interceptors[1]"),
                      ({"interceptors": ["sql"], "onThreat": {"action": "drop"}}, "$.onThreat.action"),
                      ({"interceptors": ["sql"], "onThreat": {"action": "block", "notify": "y"}},
                       "$.onThreat.notify"),
                      ({"interceptors": ["sql"], "onThreat": {"action": "block"}, "x": 1}, "$.x"),
                      ({"interceptors": {"xss": {"mode": "block"}}, "onThreat": {}}, "$.interceptors")):
        expect_problem(srv.req("PUT", _ppath(slug), doc, **_tok(srv)), 422, "validation_failed", path)


def test_policy_notifications_follow_the_channel_rules_and_commit_with_the_version(srv):
    slug = _project(srv)
    before = expect(srv.req("GET", _ppath(slug), **_tok(srv)), 200)
    # a private target: 422 at its path, nothing written
    doc = {"ByteHide": {"Monitor": _monitor({"Slack": SLACK, "Webhook": "http://169.254.169.254/x"})}}
    expect_problem(srv.req("PUT", _ppath(slug), doc, **_tok(srv)), 422, "validation_failed",
                   "$.ByteHide.Monitor.Notifications.Webhook")
    for bad, path in (({"Teams": SLACK}, "$.Notifications.Teams"),
                      ({"Slack": 5}, "$.Notifications.Slack"),
                      ("https://x", "$.Notifications")):
        expect_problem(srv.req("PUT", _ppath(slug), _monitor(bad), **_tok(srv)), 422,
                       "validation_failed", path)
    eq(_policy_channels(srv, slug), [], "channels after refused PUTs")
    eq(expect(srv.req("GET", _ppath(slug), **_tok(srv)), 200), before, "policy after refused PUTs")

    # a stale If-Match: neither the version nor the channel
    r = srv.req("PUT", _ppath(slug), _monitor({"Slack": SLACK}),
                headers={"If-Match": '"999"'}, **_tok(srv))
    expect(r, 412)
    eq(_policy_channels(srv, slug), [], "channels after a stale If-Match")

    # dry run: the diff shows the channel, nothing is made
    d = expect(srv.req("PUT", _ppath(slug) + "?dry_run=true",
                       _monitor({"Slack": SLACK, "Webhook": HOOK}), **_tok(srv)), 200)
    paths = {e["path"]: e for e in d["diff"]}
    check("$.notifications.slack" in paths and paths["$.notifications.slack"]["op"] == "add"
          and paths["$.notifications.slack"]["new"] == "https://hooks.slack.com/…uvwx",
          "dry-run diff lacks the Slack channel: %r" % d["diff"])
    check("$.notifications.webhook" in paths, "dry-run diff lacks the webhook: %r" % d["diff"])
    check(SLACK not in str(d) and HOOK not in str(d), "the dry run shows a full URL")
    eq(_policy_channels(srv, slug), [], "channels after a dry run")

    # the commit: the channels, the webhook's secret once
    r = expect(srv.req("PUT", _ppath(slug), _monitor({"Slack": SLACK, "Webhook": HOOK}), **_tok(srv)), 200)
    made = {c["kind"]: c for c in r.get("channels", [])}
    eq(sorted(made), ["slack", "webhook"], "channels in the PUT response")
    check(made["webhook"].get("secret", "").startswith("whsec_"), "webhook secret in the PUT response")
    check("secret" not in made["slack"], "a Slack channel with a secret")
    secret = made["webhook"]["secret"]
    eq(len(_policy_channels(srv, slug)), 2, "channels after the PUT")

    # the same document again: nothing changes; a new URL alone updates the channel
    r = expect(srv.req("PUT", _ppath(slug), _monitor({"Slack": SLACK, "Webhook": HOOK}), **_tok(srv)), 200)
    eq(r["changed"], False, "same document")
    check(all(not c["created"] and not c["updated"] for c in r["channels"]), "channels changed: %r" % r)
    new_slack = SLACK.replace("abcdefgh", "zzzzzzzz")[:-4] + "9999"
    r = expect(srv.req("PUT", _ppath(slug), _monitor({"Slack": new_slack, "Webhook": HOOK}), **_tok(srv)), 200)
    eq(r["changed"], False, "a new URL does not change the policy document")
    eq([c["updated"] for c in r["channels"] if c["kind"] == "slack"], [True], "Slack channel updated")
    check(all("secret" not in c for c in r["channels"]), "a secret shown again: %r" % r)
    d = expect(srv.req("PUT", _ppath(slug) + "?dry_run=true",
                       _monitor({"Slack": SLACK, "Webhook": HOOK}), **_tok(srv)), 200)
    ch = [e for e in d["diff"] if e["path"] == "$.notifications.slack"]
    eq(ch, [{"path": "$.notifications.slack", "op": "change",
             "old": "https://hooks.slack.com/…9999", "new": "https://hooks.slack.com/…uvwx"}],
       "dry-run diff of a URL change")
    slack = [c for c in _policy_channels(srv, slug) if c["kind"] == "slack"][0]
    eq(slack["url"], "https://hooks.slack.com/…9999", "the Slack channel follows the policy")
    check(secret not in srv.log(), "the webhook secret is in the log")
