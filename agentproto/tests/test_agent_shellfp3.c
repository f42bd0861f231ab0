/* shellfp3 (session 34): a library or module search path whose every
 * element is a system directory (root's trees: /usr, /lib*, /bin,
 * /sbin, /opt, /snap) lets the input pick no code an attacker wrote:
 * LD_LIBRARY_PATH=/usr/local/lib, PYTHONPATH=/usr/lib/python3/dist-packages
 * (devshell4's GNU Info examples). PATH had this reading since shell39;
 * the other search paths (names ending in PATH or LIB) now share it.
 * Twins: a writable place (/tmp, /dev/shm, /var/tmp's /usr/tmp, an
 * upload folder), a climb out (..), an empty element (the working
 * directory: a trailing ':'), a second list syntax (LUA_PATH's ';') still
 * block, in a command line and in env's argv. */
#include "agent_shell_test.h"

static void a_search_path_of_system_directories_passes(void **state)
{
	static const char *const blocks[][3] = {
	    {"LD_LIBRARY_PATH=", "/var/tmp/libs", " ./render scene.xml"},
	    {"env PYTHONPATH=", "/usr/lib/../../srv/uploads", " python3 tool.py"},
	    {"export PERL5LIB=", "/usr/share/perl5:", "; perl -MReport -e1"},
	    {"DYLD_LIBRARY_PATH=", "/opt/homebrew/lib:/Users/guest/Downloads", " ./viewer"},
	    {"NODE_PATH=", "/usr/tmp/mods", " node server.js"},
	    {"RUBYLIB=", "/lib/ruby::/srv/www/files", " ruby gen.rb"},
	    {"LUA_PATH='", "/usr/share/lua/5.4/?.lua;/tmp/u/?.lua", "' lua run.lua"},
	    {"PATH=", "/usr/local/bin:", " make install"},
	    {"GCONV_PATH=", "/dev/shm/gc", " iconv -f latin1 -t utf8 a.txt"},
	    {"LD_LIBRARY_PATH=/srv/files", "/usr/lib", " ./render scene.xml"},
	    {"PATH=/home/web/bin", "/usr/bin", " make install"},
	    {"LD_LIBRARY_PATH='", "/var/tmp/q", "' ./render scene.xml"},
	    {"env PATH=", "/opt/shop/uploads:/usr/bin", " report --daily"},
	    {"PATH=", "/usr/share/nginx/html/files", ":/usr/bin convert a.png b.jpg"},
	    {"PERL5LIB=", "/usr/share/doc/x", " perl gen.pl"},
	    {"LD_LIBRARY_PATH=", "/usr/local/www/uploads", " ./train"},
	    {"PATH=", "/opt/app/uploads/bin", ":/usr/bin report"},
	    {"LD_LIBRARY_PATH=", "/usr/lib/./../../tmp", " ./render scene.xml"},
	    {"export PYTHONPATH=\"", "/usr/lib/python3:/home/web/up", "\"; python3 -m site"},
	};
	static const char *const passes[][3] = {
	    {"LD_LIBRARY_PATH=", "/usr/local/lib", " ./render scene.xml"},
	    {"env PYTHONPATH=", "/usr/lib/python3/dist-packages", " python3 tool.py"},
	    {"export PERL5LIB=", "/usr/share/perl5:/usr/lib/x86_64-linux-gnu/perl5",
	     "; perl -MReport -e1"},
	    {"DYLD_LIBRARY_PATH=", "/opt/homebrew/lib", " ./viewer"},
	    {"NODE_PATH=", "/usr/lib/node_modules", " node server.js"},
	    {"RUBYLIB=", "/lib/ruby/vendor_ruby", " ruby gen.rb"},
	    {"GCONV_PATH=", "/usr/lib/x86_64-linux-gnu/gconv", " iconv -f latin1 -t utf8 a.txt"},
	    {"LD_LIBRARY_PATH=", "/lib64:/usr/lib64", " /opt/tool/bin/tool --check"},
	    {"PYTHONPATH='", "/usr/lib/python3/dist-packages", "' python3 -m pydoc json"},
	    {"LD_LIBRARY_PATH=/opt/vendor/lib:", "/usr/local/lib", " ./render scene.xml"},
	    {"export PATH=", "/opt/homebrew/bin:/usr/local/bin:/usr/bin", ""},
	    {"PATH=", "/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/bin", " java -version"},
	    {"PATH=", "/usr/local", "/bin:/usr/bin make"},
	    {"export PATH=", "/usr/local/cuda", "/bin:$PATH CUDA_HOME=/usr/local/cuda"},
	    {"LD_LIBRARY_PATH=", "/usr/local/cuda/lib64", " ./train"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

static void an_argv_search_path_of_system_directories_passes(void **state)
{
	static const char *const py[] = {"python3", "/srv/app/job.py", NULL};
	static const char *const cv[] = {"convert", "in.png", "out.jpg", NULL};

	(void)state;
	assert_int_equal(env_argv("PYTHONPATH", "/usr/lib/python3.11/site-packages", py),
	                 MOAT_ALLOW);
	assert_int_equal(env_argv("LD_LIBRARY_PATH", "/usr/lib/x86_64-linux-gnu/ImageMagick", cv),
	                 MOAT_ALLOW);
	assert_int_equal(env_argv("PYTHONPATH", "/home/web/uploads/py", py), MOAT_BLOCK);
	assert_int_equal(env_argv("LD_LIBRARY_PATH", "/usr/lib:", cv), MOAT_BLOCK);
	assert_int_equal(env_argv("LD_LIBRARY_PATH", "/usr/lib/../../tmp", cv), MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_search_path_of_system_directories_passes),
	    cmocka_unit_test(an_argv_search_path_of_system_directories_passes),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
