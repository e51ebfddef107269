/*
 * registry.c - the policies the core knows, by id and by name.
 *
 * One line per policy: the table is indexed by enum brt_policy, so an id
 * without a line (or out of range) has no policy and is refused where a
 * policy is chosen (brt_builder_set_policy, the text format's `policy`).
 */
#include <string.h>

#include "policy/policy.h"

static const struct core_policy *const policies[] = {
	[BRT_POLICY_LINUX] = &core_policy_linux,
	[BRT_POLICY_WINDOWS] = &core_policy_windows,
};

#define N_POLICIES (sizeof(policies) / sizeof(policies[0]))

const struct core_policy *core_policy_get(enum brt_policy id)
{
	return (unsigned)id < N_POLICIES ? policies[id] : NULL;
}

const struct core_policy *core_policy_by_name(const char *name)
{
	size_t i;

	for (i = 0; name && i < N_POLICIES; i++)
		if (policies[i] && !strcmp(policies[i]->name, name))
			return policies[i];
	return NULL;
}
