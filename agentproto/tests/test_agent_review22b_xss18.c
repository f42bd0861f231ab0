/* review22 (session 30), second round: findings on h-xss18 at e08eaaa
 * (fea6186's list of framework expression attributes in client
 * templates). Pages of our own (no corpus line). Each block was
 * blocked on main 1cd37e7 (a template read as JavaScript). */
#include "agent_xss_test.h"

/* The list names v-on:, @x, :x, x-init, ng-*, data-bind, (x), [x],
 * hx-on; the same frameworks' other spellings and their neighbours'
 * pass: AngularJS normalizes ng:click and ng_click to ngClick as it does
 * data-ng-click (which fires); Vue's #slot="{ x = expr }" evaluates its
 * default; htmx evaluates a trigger's [filter] and hx-vals' js: value;
 * hyperscript runs its _ attribute; Aurelia's .trigger / .bind. An
 * input that leaves the page's attribute and adds one runs script when
 * the template is rendered. */
static void other_framework_expression_attributes_fire(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"text/ng-template\" id=\"row.html\"><p title=\"",
	     "x\" ng:click=\"$event.view.alert(1)", "\">hi</p></script>"},
	    {"<script type=\"text/ng-template\" id=\"row.html\"><p title=\"",
	     "x\" ng_click=\"$event.view.alert(1)", "\">hi</p></script>"},
	    {"<script type=\"text/x-template\" id=\"card\"><p title=\"",
	     "x\" #default=\"{ x = constructor.constructor('alert(1)')() }", "\">hi</p></script>"},
	    {"<script type=\"text/template\" id=\"row\"><p title=\"",
	     "x\" hx-trigger=\"load[alert(1)]", "\">hi</p></script>"},
	    {"<script type=\"text/template\" id=\"row\"><p title=\"",
	     "x\" hx-vals=\"js:{a: alert(1)}", "\">hi</p></script>"},
	    {"<script type=\"text/template\" id=\"row\"><p title=\"",
	     "x\" _=\"on load call alert(1)", "\">hi</p></script>"},
	    {"<script type=\"text/html\" id=\"row\"><p title=\"", "x\" click.trigger=\"alert(1)",
	     "\">hi</p></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* The twins, data: attributes that run nothing (e08eaaa lets them pass;
 * keep it so). */
static void plain_attributes_added_in_a_client_template_are_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"text/x-template\" id=\"card\"><p title=\"", "x\" data-id=\"7",
	     "\">hi</p></script>"},
	    {"<script type=\"text/x-template\" id=\"card\"><p title=\"", "x\" lang=\"fr",
	     "\">hi</p></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(other_framework_expression_attributes_fire),
	    cmocka_unit_test(plain_attributes_added_in_a_client_template_are_data),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
