/* xss20 (session 32): a <template> whose content is a column group. The
 * "in template" insertion mode (WHATWG HTML 13.2.6.4.18) picks the
 * template's mode from its first start tag that is not a head element:
 * <col> switches it to "in column group" (13.2.6.4.12), where, the current
 * node being the template and not a <colgroup>, every token but <col>,
 * <template>, </template>, whitespace and comments is ignored: a <style>,
 * <title>, <textarea>, <xmp>, <iframe>, <noembed>, <noframes>,
 * <noscript>, <plaintext>, <select> or <svg> there makes no element and
 * the tokenizer stays in the data state. What an input writes after such
 * a tag is markup, and its </template> ends the template: the elements
 * after it are live (each page checked with parse5 7). */
#include "agent_xss_test.h"

static void markup_after_a_tag_a_column_group_template_ignores_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<template><col><style>", "</template><img src=x onerror=alert(1)>",
	     "</style></template>"},
	    {"<table><template><col span=2><xmp>", "</TEMPLATE><svg onload=confirm(2)>",
	     "</xmp></template></table>"},
	    {"<template id=\"row\"><col><title>", "</template><details open ontoggle=prompt(3)>",
	     "</title></template>"},
	    {"<template><col><col><noembed>", "</template><iframe src=javascript:alert(4)>",
	     "</noembed></template>"},
	    {"<div><template><link rel=\"preload\"><col><iframe>",
	     "</template><body onload=alert(5)>", "</iframe></template></div>"},
	    {"<template><col><textarea name=\"note\">", "</template><video src=1 onerror=alert(6)>",
	     "</textarea></template>"},
	    {"<template><col><noscript>", "</template><a href=javascript:alert(7)>go</a>",
	     "</noscript></template>"},
	    {"<template><col><plaintext>", "</template><img src=x onerror=alert(8)>", ""},
	    {"<template><col><template><b>hi</b></template><style>",
	     "</template><img src=x onerror=alert(9)>", "</style></template>"},
	    {"<template><col><svg><style>", "</template><img src=x onerror=alert(10)>",
	     "</style></svg></template>"},
	    {"<select><template><col><noframes>",
	     "</template></select><img src=x onerror=alert(11)>",
	     "</noframes></template></select>"},
	    {"<template><col><xmp>", "</template><script>alert(12)</script>", "</xmp></template>"},
	    {"<template><col><select><title>", "</template><img src=x onerror=alert(13)>",
	     "</title></select></template>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* The twins: the same raw-text elements in templates whose content is not
 * a column group (a <colgroup> element, a first <p> or <td>, a <tbody>
 * after a <meta>, a template inside the column group), after the template
 * has ended, and benign text where the tags are ignored. */
static void raw_text_in_other_templates_is_still_raw_text(void **state)
{
	static const char *const pages[][3] = {
	    {"<template><colgroup><style>", "<img src=x onerror=alert(1)>", "</style></template>"},
	    {"<template><p>x</p><col><style>", "<img src=x onerror=alert(2)>",
	     "</style></template>"},
	    {"<template><td><title>", "<img src=x onerror=alert(3)>", "</title></template>"},
	    {"<template><col></template><title>", "<img src=x onerror=alert(4)>", "</title>"},
	    {"<template><meta charset=\"utf-8\"><tbody><noembed>", "<img src=x onerror=alert(5)>",
	     "</noembed></template>"},
	    {"<template><col><template><style>", "<img src=x onerror=alert(6)>",
	     "</style></template></template>"},
	    {"<template><col><style>", "Tom & Jerry <3 x", "</style></template>"},
	    {"<template><col><title>", "Preis: 5 > 3 & 2 < 4", "</title></template>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(markup_after_a_tag_a_column_group_template_ignores_fires),
	    cmocka_unit_test(raw_text_in_other_templates_is_still_raw_text),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
