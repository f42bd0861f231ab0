/* xss19 (session 31): a tree-construction rule the tokenizer did not
 * follow — inside an HTML <select> (the "in select" and "in select in
 * table" insertion modes, WHATWG HTML 13.2.6.4.16-17) the tree builder
 * ignores the start tags of style, xmp, iframe, noembed, noframes,
 * noscript, title and plaintext: no element is made and the tokenizer
 * stays in the data state. What follows such a tag is markup, not raw
 * text, and an input written there that closes the <select> adds live
 * elements (checked with parse5 7: the <img onerror> is in the DOM).
 * <script> and <template> are still processed there, <textarea>, <input>
 * and <keygen> end the select first, and </select>, a second <select>
 * and, for a select inside a table, a table part's tag end it (outside a
 * table, <td> and </tr> are ignored like the rest). */
#include "agent_xss_test.h"

static void markup_after_a_raw_text_tag_a_select_ignores_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<select><style>", "</select><img src=x onerror=alert(1)>", "</style></select>"},
	    {"<select name=\"size\"><option>S</option><xmp>",
	     "</SELECT><IMG SRC=1 ONERROR=confirm(2)>", "</xmp></select>"},
	    {"<form><select><optgroup label=\"Fruit\"><title>",
	     "</optgroup></select><svg onload=prompt(3)>", "</title></optgroup></select></form>"},
	    {"<table><tr><td><select><noembed>", "</select><details open ontoggle=alert(4)>",
	     "</noembed></select></td></tr></table>"},
	    {"<select><noscript>", "</select><iframe src=javascript:alert(5)>",
	     "</noscript></select>"},
	    {"<select><option>x<iframe>", "</select><body onload=alert(6)>", "</iframe></select>"},
	    {"<select><plaintext>", "</select><a href=javascript:alert(7)>click</a>", ""},
	    {"<svg><foreignObject><select><noframes>", "</select><img src onerror=alert(8)>",
	     "</noframes></select></foreignObject></svg>"},
	    {"<template><select><style>", "</select><video src=x onerror=alert(9)>",
	     "</style></select></template>"},
	    {"<table><select><title>", "</table><img src=x onerror=alert(10)>",
	     "</title></select></table>"},
	    {"<select><math><style>", "</select><img src=x onerror=alert(11)>",
	     "</style></math></select>"},
	    {"<div><select><td><style>", "</select><img src=x onerror=alert(12)>",
	     "</style></select></div>"},
	    {"<select><option>a</option></tr><noembed>", "</select><img src=x onerror=alert(13)>",
	     "</noembed></select>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* The twins: the same raw-text elements where the select has ended (or
 * where the element is one the select lets through), and text inside. */
static void raw_text_after_a_select_has_ended_is_still_raw_text(void **state)
{
	static const char *const pages[][3] = {
	    {"<select><option>Paris</option></select><textarea>", "<img src=x onerror=alert(1)>",
	     "</textarea>"},
	    {"<select name=\"a\"><textarea>", "<script>alert(2)</script>", "</textarea></select>"},
	    {"<select><input name=\"q\"><title>", "<img src=x onerror=alert(3)>", "</title>"},
	    {"<table><tr><td><select><option>1</option></td></tr></table><xmp>",
	     "<b onmouseover=alert(4)>x</b>", "</xmp>"},
	    {"<select><select><noembed>", "<img src=x onerror=alert(5)>", "</noembed>"},
	    {"<select><template><style>", "<img src=x onerror=alert(6)>",
	     "</style></template></select>"},
	    {"<select><option>", "Fish & Chips <3 ;-)", "</option></select>"},
	    {"<select><style>", "Rock & Roll, 5 > 3", "</style></select>"},
	    {"<select><option>",
	     "Cr\xc3\xa8"
	     "me br\xc3\xbb"
	     "l\xc3\xa9"
	     "e, 4.50 EUR",
	     "</option></select>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(markup_after_a_raw_text_tag_a_select_ignores_fires),
	    cmocka_unit_test(raw_text_after_a_select_has_ended_is_still_raw_text),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
