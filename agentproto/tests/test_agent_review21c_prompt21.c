/* review21 (session 29), third round: findings on h-prompt21 at f6f27f6;
 * sentences of our own (no corpus line). Scores are f6f27f6's with main
 * 21a9f51's in brackets. */
#include "agent_prompt_test.h"

/* NEW (ccd28da): "different from the base / original / stock model" no
 * longer needs the reader ("YOU") and a trailing "tweaks" or
 * "customizations" is the second hint, so a car or a phone review and a
 * machine-learning note that compare a model with its base one fire. */
static void a_product_compared_with_its_base_model_is_low(void **state)
{
	static const char *const texts[] = {
	    /* 0.807 (0) */
	    "The Sport trim is different from the base model: bigger wheels, stiffer springs and a "
	    "few other tweaks.",
	    /* 0.807 (0) */
	    "How is the 2024 edition different from the original model? Mostly cosmetic "
	    "customizations.",
	    /* 0.807 (0) */
	    "Our fine-tuned checkpoint is different from the base model because of the LoRA "
	    "tweaks.",
	};
	(void)state;
	ALL_LOW(texts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_product_compared_with_its_base_model_is_low),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
