# bash completion for bestroute(1): subcommands, each one's options, the
# values some options take, files for -t/--table/--batch, and interface
# names (of this host) after oif/iif/dev. Installed by `make install` into
# share/bash-completion/completions/bestroute.

_bestroute_links()
{
	local d
	for d in /sys/class/net/*; do
		[ -e "$d" ] && printf '%s\n' "${d##*/}"
	done
}

_bestroute()
{
	local cur prev cmd i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "get show snapshot convert verify route monitor help --help --version" -- "$cur"))
		return
	fi
	case $prev in
	-t|--table|--batch)
		COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
	--policy) COMPREPLY=($(compgen -W "linux windows" -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "ip" -- "$cur")); return ;;
	--to) COMPREPLY=($(compgen -W "text json ip-batch" -- "$cur")); return ;;
	--objects) COMPREPLY=($(compgen -W "route address link rule nexthop route,address" -- "$cur")); return ;;
	--count|-c|--seed|--max-seconds|mark|fwmark|uid|tos|dsfield|sport|dport) return ;;
	ipproto) COMPREPLY=($(compgen -W "tcp udp icmp ipv6-icmp sctp udplite gre esp ah" -- "$cur")); return ;;
	oif|iif|dev) COMPREPLY=($(compgen -W "$(_bestroute_links)" -- "$cur")); return ;;
	esac
	local opts words=
	case $cmd in
	get) opts="-j --json -p --pretty -t --table --policy --explain --kernel --format --batch --nexthops --help"
	     words="from oif iif mark uid tos ipproto sport dport" ;;
	show) opts="-j --json -p --pretty -t --table --policy -4 -6 --all --help" ;;
	snapshot) opts="-4 -6 --all --help" ;;
	convert) opts="--to --policy --all --help" ;;
	verify) opts="-4 -6 --count --seed --max-seconds -j --json -p --pretty --help" ;;
	monitor) opts="-j --json -4 -6 --objects --count --help"; words="route address link rule nexthop" ;;
	route) words="add change replace append del"
	       [ "$COMP_CWORD" -gt 2 ] && words="via dev table metric proto scope src nexthop weight onlink" ;;
	help) words="get show snapshot convert verify route monitor" ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	elif [ "$cmd" = convert ]; then
		COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
	else
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
	fi
}
complete -F _bestroute bestroute
