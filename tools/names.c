/*
 * names.c - the words `ip` prints for numbers, for the tool's JSON and text:
 * protocols and scopes from the library (brt_word_name), route types here
 * (with "unspec" for 0, as ip prints it); a number with no name prints as
 * the number.
 */
#include "cli.h"

const char *cli_proto_name(unsigned proto, char buf[12])
{
	return brt_word_name(BRT_WORD_PROTOCOL, proto, buf);
}

const char *cli_scope_name(unsigned scope, char buf[12])
{
	return brt_word_name(BRT_WORD_SCOPE, scope, buf);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

const char *cli_type_name(unsigned type)
{
	static const char *const names[] = {
		"unspec", "unicast", "local", "broadcast", "anycast", "multicast",
		"blackhole", "unreachable", "prohibit", "throw",
	};

	return type < N(names) ? names[type] : "unknown";
}
