/*
 * ma_shell_names_tab.h -- written by scripts/gen_shell_names.py from the
 * five name lists of ma_shell_names.c; do not edit: change the lists and
 * run python3 scripts/gen_shell_names.py (make agent-lint checks it).
 * 1065 names, 2048 slots, longest probe run 7, 1549 probes for all.
 * Included by ma_shell_names.c only.
 */
/* clang-format off */
#define MA_SH_NAMES_COUNT 1065
#define MA_SH_NAMES_BITS 11
#define MA_SH_NAMES_SLOTS 2048
#define MA_SH_NAMES_RUN 7 /* the longest probe run */
#define MA_SH_NAMES_MUL 0x5d290aadu
/* the slot where the probe for s (n > 0 bytes) starts */
#define MA_SH_NAMES_HASH(s, n) \
	((uint32_t)(((uint32_t)(unsigned char)(s)[0] | (uint32_t)(unsigned char)(s)[(n) - 1] << 8 | \
	             (uint32_t)(unsigned char)(s)[(n) / 2] << 16 | (uint32_t)((n) & 0xff) << 24) * \
	            MA_SH_NAMES_MUL) >> (32 - MA_SH_NAMES_BITS))

static const char ma_sh_names_pool[] =
	"builtinchrtcommanddoasenvexecionicenicenohupsetsidsshpassstdbufstracesudotaskset"
	"timetimeoutxargs!doelifelseifthenuntilwhile{[[]]casedoneesacfiforfunctionin"
	"select}.aliasautoloadbgbindbreakcallercdcompgencompletecompoptcontinuecoproc"
	"declaredirsdisownechoemulateenableevalexitexportfcfggetoptshashhelphistoryjobs"
	"killletlocallogoutmapfilepopdprintprintfpushdpwdreadreadarrayreadonlyreturnset"
	"setoptshiftshoptsourcesuspendtesttimestraptypetypesetulimitumaskunaliasunsetwait"
	"whencezmodload7z7zaRRscript[acpidadd-shelladdgroupaddpartaddr2lineadduser"
	"adjtimexagettyanacronantapkaptapt-cacheapt-cdromapt-configapt-getapt-keyapt-mark"
	"aptitudeararcharia2carparpdarpingasashatatqatrmawkb2sumbadblocksbase32base64"
	"basenamebasencbashbashbugbatchbcbeepblkdiscardblkidblkzoneblockdevbootchartd"
	"brctlbrewbridgebuildahbunbundlebundlerbunzip2busctlbusyboxbzcatbzcmpbzdiff"
	"bzegrepbzexebzfgrepbzgrepbzip2bzip2recoverbzlessbzmorec++c++filtc_rehash"
	"cabextractcalcaptoinfocargocatccchagechatchattrchconchcpuchfnchgpasswdchgrp"
	"chkconfigchmemchmodchoomchownchpasswdchpstchrootchshchvtcksumclangclang++clear"
	"clear_consoleclispcmakecmpcolcolcrtcolrmcolumncommcomposerconspycorelistcpcpan"
	"cpgrcpiocpp-12cppwcrc32crictlcrondcrontabcryptpwcshcsplitctrctrlaltdelctstat"
	"cttyhackcurlcutdashdatedcdcbdddeallocvtdebugfsdefaultsdelgroupdelpartdeluserdeno"
	"depmoddevlinkdevmemdfdhcprelaydiffdiff3digdirdircolorsdirnamedmesgdnfdnsd"
	"dnsdomainnamedockerdomainnamedos2unixdotnetdpkgdpkg-debdpkg-divert"
	"dpkg-fsys-usrunmessdpkg-maintscript-helperdpkg-querydpkg-realpath"
	"dpkg-reconfiguredpkg-splitdpkg-statoverridedpkg-triggerdscldtracedudumpe2fs"
	"dumpkmapdumpleasesdwpe2freefrage2fscke2imagee2labele2mmpstatuse2scrube2scrub_all"
	"e2undoe4crypte4defragedegrepejectelfeditemacsemergeenc2xsencguessenvdirenvuidgid"
	"erbether-wakeexexpandexpectexpiryexprfactorfaillogfakeidentdfallocatefatattr"
	"fbsetfbsplashfdflushfdformatfdiskfetchfgconsolefgrepfilefilefragfincorefind"
	"findfsfindmntfingerfishflatpakflockfmtfoldfreefsckfsck.cramfsfsck.ext2fsck.ext3"
	"fsck.ext4fsck.minixfsfreezefstab-decodefstrimfsyncftpftpdftpgetftpputfunzipfuser"
	"g++gawkgccgcc-12gcc-ar-12gcc-nm-12gcc-ranlib-12gcov-12gcov-dump-12gcov-tool-12"
	"gdbgemgenlgetconfgetentgetoptgettyghcgitgit-receive-packgit-shell"
	"git-upload-archivegit-upload-packgmakegogoldgp-archivegp-collect-app"
	"gp-display-htmlgp-display-srcgp-display-textgpasswdgpggprofgprofnggradlegrep"
	"groovygroupaddgroupdelgroupmemsgroupmodgroupsgrpckgrpconvgrpunconvgsedguileguix"
	"gunzipgzexegziph2phh2xshalthardlinkhdhdparmheadhexdumphexedithghosthostid"
	"hostnamehostnamectlhttpdhushhwclocki2cdetecti2cdumpi2cgeti2cseti2ctransferi386"
	"iconviconvconfigidifconfigifdownifenslaveifplugdifupinetdinfocmpinfotocapinit"
	"insmodinstallinstallkernelinstmodshinvoke-rc.diostatipip6tablesipaddripcalcipcmk"
	"ipconfigipcrmipcsiplinkipmaddripneighiprouteipruleiptablesiptunnelipython"
	"ipython3irbischrootisosizejavajavacjoejoinjotjournalctljqjrubyjrunscriptjshell"
	"json_ppjuliakbd_modekernel-installkillallkillall5kldloadklogdkotlinkshksh93"
	"ktracekubectllastlastblastloglaunchctlldld.bfdld.goldld.soldattachldconfigldd"
	"lesslessecholessfilelesskeylesspipelftplibnetcfglinklinux32linux64linuxrcln"
	"lnstatloadfontloadkmaplocalelocalectllocaledefloggerloginloginctllognamelogread"
	"looklosetuplpdlpqlprlslsattrlsblklscpulsfdlsipclsirqlslockslsloginslsmemlsmod"
	"lsnslsoflspcilsscsilsusblto-dump-12lualua5.1lua5.2lua5.3lua5.4luajitlxclz4lzcat"
	"lzmalzmainfolzopmailmailxmakemake-first-existing-targetmakedevsmakemimemanmawk"
	"mceditmcookiemd5md5summd5sum.textutilsmdevmesgmicrocommii-toolmimmkdirmkdosfs"
	"mke2fsmkfifomkfsmkfs.bfsmkfs.cramfsmkfs.ext2mkfs.ext3mkfs.ext4mkfs.minix"
	"mkfs.vfatmklost+foundmknodmkpasswdmkshmkswapmktempmodinfomodprobemonomoremount"
	"mountpointmpstatmsmtpmtmtrmuttmvmvnnameinameifnanddumpnandwritenanonawk"
	"nbd-clientncncatnetcatnetstatnetworkctlnewgrpnewusersnftninjanisdomainnamenix"
	"nix-envnlnmnmapnmeternodenodejsnologinnpmnprocnpxnsenternslookupnstatntpdnuke"
	"numfmtnvimobjcopyobjdumpocamlodopenopensslopenvtosascriptpacmanparallelpartprobe"
	"partxpasswdpastepatchpathchkpbcopypbpastepdb3pdb3.11pdkshpeekfdperlperl5.36.0"
	"perlbugperldocperlivpperlthankspgrepphpphp-cgiphp5php7php8picopiconvpidofpidwait"
	"pigzpingping6pinkypippip3pipe_progresspivot_rootpkexecpkgpkg_addpkillpl2pmpldd"
	"plipconfigpmappnpmpod2htmlpod2manpod2textpod2usagepodcheckerpodmanpopmaildirport"
	"poweroffpowershellpowertopprprintenvprlimitproveprtstatpspscanpslogpstree"
	"pstree.x11ptarptardiffptargrepptxpwckpwconvpwdxpwshpwunconvpydoc3pydoc3.11"
	"pygettext3pygettext3.11pypypypy3pythonpython2python2.7python3python3.10"
	"python3.11python3.12python3.13python3.5python3.6python3.7python3.8python3.9pzstd"
	"racketraidautorunranlibrarprbashrdaterdevrdmareadaheadreadelfreadlinkreadprofile"
	"realpathrebootredreformimeremove-shellrename.ulreniceresetresizeresize2fs"
	"resizepartresumerevrgreprmrmdirrmmodrmt-tarrouteroutelrpmrpm2cpiorsyncrtacct"
	"rtcwakertmonrtstatrubyrun-initrun-partsruncrunconrunghcrunlevelrunsvrunsvdir"
	"runuserrustcrxs-nailsavelogsaysbclscalascalarscpscreenscriptscriptlive"
	"scriptreplaysdiffsedsendmailseqservicesetarchsetconsolesetfattrsetfont"
	"setkeycodessetlogconssetprivsetserialsettermsetuidgidsftpsgshsha1sha1sum"
	"sha224sumsha256sumsha384sumsha3sumsha512sumshadowconfigshasumshowkeyshredshuf"
	"shutdownsizeskillslabtopslattachsleepsloginsmemcapsnapsnicesocatsoftlimitsort"
	"splainsplitsssshssh-addssh-agentssh-argv0ssh-copy-idssh-keygenssh-keyscan"
	"ssl_clientstart-stop-daemonstatstrace-log-mergestreamzipstringsstripsttysu"
	"sudoeditsuloginsumsvsvcsvlogdsvnsvoksw_versswaplabelswapoffswaponswift"
	"switch_rootsyncsysctlsyslogdsystemctlsystemdsystemd-analyzesystemd-ask-password"
	"systemd-catsystemd-cglssystemd-cgtopsystemd-credssystemd-cryptenroll"
	"systemd-deltasystemd-detect-virtsystemd-escapesystemd-firstbootsystemd-id128"
	"systemd-inhibitsystemd-machine-id-setupsystemd-mountsystemd-notifysystemd-path"
	"systemd-repartsystemd-runsystemd-socket-activatesystemd-stdio-bridge"
	"systemd-sysextsystemd-sysuserssystemd-tmpfilessystemd-tty-ask-password-agent"
	"systemd-umounttabstactailtalktartarcattctcctclshtcpdumptcpsvdtcshteetelinit"
	"telnettelnetdtempfiletftptftpdtictimedatectltipctloadtmuxtoetoptouchtputtr"
	"tracepathtraceroutetraceroute6truncatetrusststsettsortttyttysizetunctltune2fs"
	"tzselectuclampsetudhcpcudhcpc6udhcpdudpsvdueventulumountunameuncompressunexpand"
	"uniqunix2dosunlinkunlzmaunrarunshareunxzunzipunzipsfxunzstdupdate-alternatives"
	"update-rc.dupdate-shellsuptimeuseradduserdelusermodusersusleeputmpdumpuudecode"
	"uuencodevconfigvdirvdpaviviewvigrvimvimdiffvipwvirshvlockvmstatvolnamewwallwatch"
	"watchdogwcwdctlwgetwhereiswhichwhich.debianutilswhowhoamiwhoiswipefswishwrite"
	"x86_64xsubppxxdxzxzcatxzcmpxzdiffxzegrepxzfgrepxzgrepxzlessxzmoreyarnyashyes"
	"ypdomainnameyqyumzcatzcipzcmpzdiffzdumpzegrepzfgrepzforcezgrepziczipzipcloak"
	"zipdetailszipgrepzipinfozipnotezipsplitzlesszmoreznewzramctlzshzstdzstdcat"
	"zstdgrepzstdlesszstdmtzypper";

static const uint64_t ma_sh_names_len[256] = {
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000002u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000002u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x000000000000000cu,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000082u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000006u,
	0x0000000000000000u, 0x0000000000000004u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x00000000000007fcu, 0x00000000000017fcu, 0x00000000000027fcu,
	0x00000000008b3ffcu, 0x0000000000000ffcu, 0x0000000000001ffcu, 0x000000000005f7fcu,
	0x00000000000009f4u, 0x0000000000002bfcu, 0x00000000000004fcu, 0x00000000000041f8u,
	0x0000000000000bfcu, 0x0000000004011ffcu, 0x00000000000027fcu, 0x00000000000002f4u,
	0x00000000000027fcu, 0x0000000000000000u, 0x0000000000001ffcu, 0x00000000419bfffcu,
	0x0000000000000ffcu, 0x0000000000082ff4u, 0x00000000000000fcu, 0x00000000000201feu,
	0x00000000000000ecu, 0x000000000000101cu, 0x00000000000005f8u, 0x0000000000000002u,
	0x0000000000000000u, 0x0000000000000002u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
};

static const struct ma_sh_names_slot {
	uint16_t off;  /* in ma_sh_names_pool */
	uint8_t len;   /* 0: empty */
	uint8_t kind;  /* enum ma_sh_name */
} ma_sh_names_slot[MA_SH_NAMES_SLOTS] = {
	[2] = {4467, 7, MA_SH_NAME_RUNS}, /* python3 */
	[5] = {73, 7, MA_SH_NAME_PREFIX}, /* taskset */
	[6] = {3549, 9, MA_SH_NAME_RUNS}, /* mkfs.ext4 */
	[7] = {4236, 10, MA_SH_NAME_RUNS}, /* podchecker */
	[8] = {217, 8, MA_SH_NAME_RUNS}, /* continue */
	[9] = {1143, 2, MA_SH_NAME_RUNS}, /* cp */
	[12] = {2481, 2, MA_SH_NAME_RUNS}, /* hg */
	[13] = {6005, 11, MA_SH_NAME_RUNS}, /* timedatectl */
	[16] = {1853, 5, MA_SH_NAME_RUNS}, /* fetch */
	[17] = {2886, 5, MA_SH_NAME_RUNS}, /* julia */
	[18] = {294, 4, MA_SH_NAME_RUNS}, /* help */
	[19] = {2197, 18, MA_SH_NAME_RUNS}, /* git-upload-archive */
	[20] = {5066, 2, MA_SH_NAME_RUNS}, /* sg */
	[21] = {6500, 6, MA_SH_NAME_RUNS}, /* wipefs */
	[22] = {361, 9, MA_SH_NAME_RUNS}, /* readarray */
	[23] = {5463, 4, MA_SH_NAME_RUNS}, /* sync */
	[26] = {481, 2, MA_SH_NAME_RUNS}, /* 7z */
	[29] = {726, 2, MA_SH_NAME_RUNS}, /* bc */
	[30] = {5149, 5, MA_SH_NAME_RUNS}, /* shred */
	[37] = {290, 4, MA_SH_NAME_RUNS}, /* hash */
	[38] = {2517, 4, MA_SH_NAME_RUNS}, /* hush */
	[39] = {3625, 8, MA_SH_NAME_RUNS}, /* modprobe */
	[42] = {3850, 8, MA_SH_NAME_RUNS}, /* nslookup */
	[43] = {6428, 1, MA_SH_NAME_RUNS}, /* w */
	[44] = {1804, 9, MA_SH_NAME_RUNS}, /* fallocate */
	[45] = {6515, 6, MA_SH_NAME_RUNS}, /* x86_64 */
	[46] = {1305, 6, MA_SH_NAME_RUNS}, /* depmod */
	[47] = {3366, 4, MA_SH_NAME_RUNS}, /* make */
	[49] = {3825, 7, MA_SH_NAME_RUNS}, /* nologin */
	[50] = {1509, 16, MA_SH_NAME_RUNS}, /* dpkg-reconfigure */
	[51] = {210, 7, MA_SH_NAME_RUNS}, /* compopt */
	[53] = {1833, 7, MA_SH_NAME_RUNS}, /* fdflush */
	[54] = {3906, 7, MA_SH_NAME_RUNS}, /* openssl */
	[59] = {3262, 4, MA_SH_NAME_RUNS}, /* lsns */
	[62] = {1848, 5, MA_SH_NAME_RUNS}, /* fdisk */
	[65] = {2493, 8, MA_SH_NAME_RUNS}, /* hostname */
	[66] = {3196, 3, MA_SH_NAME_RUNS}, /* lpd */
	[67] = {5222, 9, MA_SH_NAME_RUNS}, /* softlimit */
	[69] = {6025, 4, MA_SH_NAME_RUNS}, /* tmux */
	[70] = {3835, 5, MA_SH_NAME_RUNS}, /* nproc */
	[72] = {273, 6, MA_SH_NAME_RUNS}, /* export */
	[74] = {640, 3, MA_SH_NAME_RUNS}, /* arp */
	[80] = {5400, 2, MA_SH_NAME_RUNS}, /* sv */
	[83] = {2309, 7, MA_SH_NAME_RUNS}, /* gpasswd */
	[92] = {4800, 5, MA_SH_NAME_RUNS}, /* rtmon */
	[95] = {5778, 23, MA_SH_NAME_RUNS}, /* systemd-socket-activate */
	[97] = {4101, 7, MA_SH_NAME_RUNS}, /* pidwait */
	[104] = {142, 3, MA_SH_NAME_RESERVED}, /* for */
	[106] = {4717, 10, MA_SH_NAME_RUNS}, /* resizepart */
	[107] = {3778, 13, MA_SH_NAME_RUNS}, /* nisdomainname */
	[109] = {35, 4, MA_SH_NAME_PREFIX}, /* nice */
	[110] = {6741, 8, MA_SH_NAME_RUNS}, /* zstdgrep */
	[111] = {378, 6, MA_SH_NAME_RUNS}, /* return */
	[112] = {5496, 15, MA_SH_NAME_RUNS}, /* systemd-analyze */
	[114] = {1183, 7, MA_SH_NAME_RUNS}, /* crontab */
	[117] = {2863, 10, MA_SH_NAME_RUNS}, /* jrunscript */
	[119] = {6065, 11, MA_SH_NAME_RUNS}, /* traceroute6 */
	[121] = {3508, 4, MA_SH_NAME_RUNS}, /* mkfs */
	[124] = {1496, 13, MA_SH_NAME_RUNS}, /* dpkg-realpath */
	[125] = {5158, 8, MA_SH_NAME_RUNS}, /* shutdown */
	[126] = {6029, 3, MA_SH_NAME_RUNS}, /* toe */
	[127] = {3357, 4, MA_SH_NAME_RUNS}, /* mail */
	[129] = {195, 7, MA_SH_NAME_RUNS}, /* compgen */
	[132] = {5382, 8, MA_SH_NAME_RUNS}, /* sudoedit */
	[133] = {5985, 8, MA_SH_NAME_RUNS}, /* tempfile */
	[134] = {2031, 6, MA_SH_NAME_RUNS}, /* ftpget */
	[136] = {1178, 5, MA_SH_NAME_RUNS}, /* crond */
	[137] = {2537, 7, MA_SH_NAME_RUNS}, /* i2cdump */
	[141] = {1421, 4, MA_SH_NAME_RUNS}, /* dpkg */
	[142] = {2398, 9, MA_SH_NAME_RUNS}, /* grpunconv */
	[143] = {5945, 7, MA_SH_NAME_RUNS}, /* tcpdump */
	[144] = {6698, 8, MA_SH_NAME_RUNS}, /* zipsplit */
	[149] = {1347, 3, MA_SH_NAME_RUNS}, /* dir */
	[151] = {4146, 10, MA_SH_NAME_RUNS}, /* pivot_root */
	[159] = {4064, 3, MA_SH_NAME_RUNS}, /* php */
	[160] = {1794, 10, MA_SH_NAME_RUNS}, /* fakeidentd */
	[162] = {4881, 2, MA_SH_NAME_RUNS}, /* rx */
	[164] = {781, 6, MA_SH_NAME_RUNS}, /* bridge */
	[165] = {7, 4, MA_SH_NAME_PREFIX}, /* chrt */
	[166] = {797, 6, MA_SH_NAME_RUNS}, /* bundle */
	[167] = {486, 1, MA_SH_NAME_RUNS}, /* R */
	[168] = {2891, 8, MA_SH_NAME_RUNS}, /* kbd_mode */
	[169] = {5201, 7, MA_SH_NAME_RUNS}, /* smemcap */
	[174] = {658, 2, MA_SH_NAME_RUNS}, /* at */
	[175] = {2635, 9, MA_SH_NAME_RUNS}, /* infotocap */
	[178] = {2138, 4, MA_SH_NAME_RUNS}, /* genl */
	[181] = {259, 6, MA_SH_NAME_RUNS}, /* enable */
	[182] = {4861, 8, MA_SH_NAME_RUNS}, /* runsvdir */
	[188] = {2899, 14, MA_SH_NAME_RUNS}, /* kernel-install */
	[189] = {2654, 7, MA_SH_NAME_RUNS}, /* install */
	[190] = {4708, 9, MA_SH_NAME_RUNS}, /* resize2fs */
	[191] = {6146, 7, MA_SH_NAME_RUNS}, /* udhcpc6 */
	[192] = {6310, 7, MA_SH_NAME_RUNS}, /* useradd */
	[193] = {2512, 5, MA_SH_NAME_RUNS}, /* httpd */
	[194] = {6324, 7, MA_SH_NAME_RUNS}, /* usermod */
	[195] = {3815, 4, MA_SH_NAME_RUNS}, /* node */
	[196] = {5952, 6, MA_SH_NAME_RUNS}, /* tcpsvd */
	[199] = {2161, 5, MA_SH_NAME_RUNS}, /* getty */
	[200] = {3237, 7, MA_SH_NAME_RUNS}, /* lslocks */
	[201] = {5074, 7, MA_SH_NAME_RUNS}, /* sha1sum */
	[202] = {2230, 5, MA_SH_NAME_RUNS}, /* gmake */
	[207] = {2528, 9, MA_SH_NAME_RUNS}, /* i2cdetect */
	[208] = {3341, 4, MA_SH_NAME_RUNS}, /* lzma */
	[209] = {4596, 5, MA_SH_NAME_RUNS}, /* rdate */
	[211] = {6410, 5, MA_SH_NAME_RUNS}, /* vlock */
	[213] = {1941, 4, MA_SH_NAME_RUNS}, /* fsck */
	[221] = {113, 5, MA_SH_NAME_OPENS}, /* until */
	[222] = {3070, 9, MA_SH_NAME_RUNS}, /* libnetcfg */
	[223] = {4082, 4, MA_SH_NAME_RUNS}, /* php8 */
	[224] = {6173, 6, MA_SH_NAME_RUNS}, /* umount */
	[225] = {6342, 8, MA_SH_NAME_RUNS}, /* utmpdump */
	[227] = {2251, 14, MA_SH_NAME_RUNS}, /* gp-collect-app */
	[228] = {4691, 6, MA_SH_NAME_RUNS}, /* renice */
	[229] = {4702, 6, MA_SH_NAME_RUNS}, /* resize */
	[230] = {338, 5, MA_SH_NAME_RUNS}, /* print */
	[231] = {1271, 8, MA_SH_NAME_RUNS}, /* defaults */
	[232] = {4939, 12, MA_SH_NAME_RUNS}, /* scriptreplay */
	[236] = {3709, 4, MA_SH_NAME_RUNS}, /* nano */
	[237] = {3199, 3, MA_SH_NAME_RUNS}, /* lpq */
	[238] = {4959, 8, MA_SH_NAME_RUNS}, /* sendmail */
	[239] = {5473, 7, MA_SH_NAME_RUNS}, /* syslogd */
	[240] = {1945, 11, MA_SH_NAME_RUNS}, /* fsck.cramfs */
	[243] = {4494, 10, MA_SH_NAME_RUNS}, /* python3.12 */
	[244] = {4126, 3, MA_SH_NAME_RUNS}, /* pip */
	[246] = {4956, 3, MA_SH_NAME_RUNS}, /* sed */
	[250] = {4121, 5, MA_SH_NAME_RUNS}, /* pinky */
	[253] = {316, 5, MA_SH_NAME_RUNS}, /* local */
	[254] = {1244, 4, MA_SH_NAME_RUNS}, /* date */
	[255] = {3962, 5, MA_SH_NAME_RUNS}, /* paste */
	[256] = {6580, 4, MA_SH_NAME_RUNS}, /* yarn */
	[257] = {4523, 9, MA_SH_NAME_RUNS}, /* python3.6 */
	[258] = {835, 5, MA_SH_NAME_RUNS}, /* bzcmp */
	[259] = {3120, 8, MA_SH_NAME_RUNS}, /* loadkmap */
	[260] = {3441, 16, MA_SH_NAME_RUNS}, /* md5sum.textutils */
	[261] = {6448, 5, MA_SH_NAME_RUNS}, /* wdctl */
	[263] = {3951, 5, MA_SH_NAME_RUNS}, /* partx */
	[264] = {202, 8, MA_SH_NAME_RUNS}, /* complete */
	[265] = {2801, 8, MA_SH_NAME_RUNS}, /* ipython3 */
	[266] = {387, 6, MA_SH_NAME_RUNS}, /* setopt */
	[267] = {4018, 10, MA_SH_NAME_RUNS}, /* perl5.36.0 */
	[268] = {5297, 11, MA_SH_NAME_RUNS}, /* ssh-keyscan */
	[269] = {2940, 6, MA_SH_NAME_RUNS}, /* kotlin */
	[270] = {3895, 5, MA_SH_NAME_RUNS}, /* ocaml */
	[271] = {1071, 13, MA_SH_NAME_RUNS}, /* clear_console */
	[272] = {6537, 5, MA_SH_NAME_RUNS}, /* xzcmp */
	[276] = {1956, 9, MA_SH_NAME_RUNS}, /* fsck.ext2 */
	[278] = {2571, 5, MA_SH_NAME_RUNS}, /* iconv */
	[283] = {313, 3, MA_SH_NAME_RUNS}, /* let */
	[285] = {467, 6, MA_SH_NAME_RUNS}, /* whence */
	[286] = {2778, 8, MA_SH_NAME_RUNS}, /* iptables */
	[287] = {4292, 2, MA_SH_NAME_RUNS}, /* pr */
	[289] = {63, 6, MA_SH_NAME_PREFIX}, /* strace */
	[296] = {6035, 5, MA_SH_NAME_RUNS}, /* touch */
	[306] = {2101, 7, MA_SH_NAME_RUNS}, /* gcov-12 */
	[309] = {564, 3, MA_SH_NAME_RUNS}, /* apk */
	[313] = {3739, 7, MA_SH_NAME_RUNS}, /* netstat */
	[314] = {4328, 5, MA_SH_NAME_RUNS}, /* pslog */
	[315] = {3043, 8, MA_SH_NAME_RUNS}, /* lessfile */
	[317] = {3656, 6, MA_SH_NAME_RUNS}, /* mpstat */
	[318] = {446, 5, MA_SH_NAME_RUNS}, /* umask */
	[319] = {2873, 6, MA_SH_NAME_RUNS}, /* jshell */
	[322] = {2544, 6, MA_SH_NAME_RUNS}, /* i2cget */
	[323] = {5915, 3, MA_SH_NAME_RUNS}, /* tac */
	[328] = {817, 6, MA_SH_NAME_RUNS}, /* busctl */
	[330] = {6630, 6, MA_SH_NAME_RUNS}, /* zegrep */
	[331] = {6636, 6, MA_SH_NAME_RUNS}, /* zfgrep */
	[334] = {334, 4, MA_SH_NAME_RUNS}, /* popd */
	[337] = {6214, 6, MA_SH_NAME_RUNS}, /* unlink */
	[341] = {97, 2, MA_SH_NAME_OPENS}, /* do */
	[343] = {2079, 9, MA_SH_NAME_RUNS}, /* gcc-nm-12 */
	[344] = {107, 2, MA_SH_NAME_OPENS}, /* if */
	[345] = {1206, 3, MA_SH_NAME_RUNS}, /* ctr */
	[346] = {965, 5, MA_SH_NAME_RUNS}, /* chcon */
	[347] = {1884, 7, MA_SH_NAME_RUNS}, /* fincore */
	[348] = {5030, 7, MA_SH_NAME_RUNS}, /* setpriv */
	[349] = {1813, 7, MA_SH_NAME_RUNS}, /* fatattr */
	[350] = {4252, 10, MA_SH_NAME_RUNS}, /* popmaildir */
	[357] = {5136, 6, MA_SH_NAME_RUNS}, /* shasum */
	[359] = {494, 1, MA_SH_NAME_RUNS}, /* [ */
	[360] = {3232, 5, MA_SH_NAME_RUNS}, /* lsirq */
	[361] = {3465, 8, MA_SH_NAME_RUNS}, /* microcom */
	[369] = {6046, 9, MA_SH_NAME_RUNS}, /* tracepath */
	[371] = {252, 7, MA_SH_NAME_RUNS}, /* emulate */
	[372] = {2717, 6, MA_SH_NAME_RUNS}, /* ipcalc */
	[373] = {1200, 6, MA_SH_NAME_RUNS}, /* csplit */
	[374] = {5108, 7, MA_SH_NAME_RUNS}, /* sha3sum */
	[376] = {1391, 6, MA_SH_NAME_RUNS}, /* docker */
	[378] = {533, 7, MA_SH_NAME_RUNS}, /* adduser */
	[379] = {3270, 5, MA_SH_NAME_RUNS}, /* lspci */
	[380] = {979, 9, MA_SH_NAME_RUNS}, /* chgpasswd */
	[384] = {2971, 5, MA_SH_NAME_RUNS}, /* lastb */
	[385] = {2700, 2, MA_SH_NAME_RUNS}, /* ip */
	[386] = {5645, 17, MA_SH_NAME_RUNS}, /* systemd-firstboot */
	[387] = {99, 4, MA_SH_NAME_OPENS}, /* elif */
	[393] = {1664, 6, MA_SH_NAME_RUNS}, /* e2undo */
	[394] = {2736, 5, MA_SH_NAME_RUNS}, /* ipcrm */
	[396] = {6179, 5, MA_SH_NAME_RUNS}, /* uname */
	[397] = {6394, 7, MA_SH_NAME_RUNS}, /* vimdiff */
	[398] = {5335, 4, MA_SH_NAME_RUNS}, /* stat */
	[399] = {2960, 7, MA_SH_NAME_RUNS}, /* kubectl */
	[400] = {959, 6, MA_SH_NAME_RUNS}, /* chattr */
	[401] = {6433, 5, MA_SH_NAME_RUNS}, /* watch */
	[402] = {2054, 3, MA_SH_NAME_RUNS}, /* g++ */
	[403] = {2135, 3, MA_SH_NAME_RUNS}, /* gem */
	[405] = {4067, 7, MA_SH_NAME_RUNS}, /* php-cgi */
	[406] = {588, 10, MA_SH_NAME_RUNS}, /* apt-config */
	[407] = {1041, 4, MA_SH_NAME_RUNS}, /* chsh */
	[408] = {1339, 5, MA_SH_NAME_RUNS}, /* diff3 */
	[409] = {3189, 7, MA_SH_NAME_RUNS}, /* losetup */
	[410] = {3801, 2, MA_SH_NAME_RUNS}, /* nl */
	[411] = {3809, 6, MA_SH_NAME_RUNS}, /* nmeter */
	[412] = {3919, 9, MA_SH_NAME_RUNS}, /* osascript */
	[414] = {3134, 9, MA_SH_NAME_RUNS}, /* localectl */
	[415] = {3832, 3, MA_SH_NAME_RUNS}, /* npm */
	[416] = {6304, 6, MA_SH_NAME_RUNS}, /* uptime */
	[417] = {393, 5, MA_SH_NAME_RUNS}, /* shift */
	[418] = {794, 3, MA_SH_NAME_RUNS}, /* bun */
	[419] = {2928, 7, MA_SH_NAME_RUNS}, /* kldload */
	[420] = {3330, 3, MA_SH_NAME_RUNS}, /* lxc */
	[421] = {4967, 3, MA_SH_NAME_RUNS}, /* seq */
	[422] = {5447, 5, MA_SH_NAME_RUNS}, /* swift */
	[423] = {6584, 4, MA_SH_NAME_RUNS}, /* yash */
	[424] = {1867, 5, MA_SH_NAME_RUNS}, /* fgrep */
	[425] = {3558, 10, MA_SH_NAME_RUNS}, /* mkfs.minix */
	[426] = {4212, 7, MA_SH_NAME_RUNS}, /* pod2man */
	[429] = {5441, 6, MA_SH_NAME_RUNS}, /* swapon */
	[430] = {4390, 8, MA_SH_NAME_RUNS}, /* pwunconv */
	[432] = {5068, 2, MA_SH_NAME_RUNS}, /* sh */
	[434] = {3370, 26, MA_SH_NAME_RUNS}, /* make-first-existing-target */
	[435] = {6603, 2, MA_SH_NAME_RUNS}, /* yq */
	[440] = {1584, 8, MA_SH_NAME_RUNS}, /* dumpkmap */
	[442] = {6387, 4, MA_SH_NAME_RUNS}, /* vigr */
	[443] = {2043, 6, MA_SH_NAME_RUNS}, /* funzip */
	[444] = {5452, 11, MA_SH_NAME_RUNS}, /* switch_root */
	[445] = {3425, 7, MA_SH_NAME_RUNS}, /* mcookie */
	[447] = {6757, 6, MA_SH_NAME_RUNS}, /* zstdmt */
	[448] = {918, 10, MA_SH_NAME_RUNS}, /* cabextract */
	[449] = {3012, 8, MA_SH_NAME_RUNS}, /* ldattach */
	[456] = {1621, 7, MA_SH_NAME_RUNS}, /* e2image */
	[458] = {3473, 8, MA_SH_NAME_RUNS}, /* mii-tool */
	[462] = {1937, 4, MA_SH_NAME_RUNS}, /* free */
	[463] = {6457, 7, MA_SH_NAME_RUNS}, /* whereis */
	[464] = {3051, 7, MA_SH_NAME_RUNS}, /* lesskey */
	[471] = {2954, 6, MA_SH_NAME_RUNS}, /* ktrace */
	[472] = {2858, 5, MA_SH_NAME_RUNS}, /* jruby */
	[473] = {663, 4, MA_SH_NAME_RUNS}, /* atrm */
	[474] = {5397, 3, MA_SH_NAME_RUNS}, /* sum */
	[480] = {2521, 7, MA_SH_NAME_RUNS}, /* hwclock */
	[482] = {4644, 8, MA_SH_NAME_RUNS}, /* realpath */
	[484] = {2120, 12, MA_SH_NAME_RUNS}, /* gcov-tool-12 */
	[485] = {1605, 10, MA_SH_NAME_RUNS}, /* e2freefrag */
	[486] = {3031, 4, MA_SH_NAME_RUNS}, /* less */
	[488] = {91, 5, MA_SH_NAME_PREFIX}, /* xargs */
	[489] = {1059, 7, MA_SH_NAME_RUNS}, /* clang++ */
	[490] = {6489, 6, MA_SH_NAME_RUNS}, /* whoami */
	[492] = {3143, 9, MA_SH_NAME_RUNS}, /* localedef */
	[493] = {168, 8, MA_SH_NAME_RUNS}, /* autoload */
	[494] = {5567, 13, MA_SH_NAME_RUNS}, /* systemd-creds */
	[495] = {5937, 3, MA_SH_NAME_RUNS}, /* tcc */
	[496] = {3496, 6, MA_SH_NAME_RUNS}, /* mke2fs */
	[498] = {714, 7, MA_SH_NAME_RUNS}, /* bashbug */
	[502] = {647, 6, MA_SH_NAME_RUNS}, /* arping */
	[506] = {1735, 9, MA_SH_NAME_RUNS}, /* envuidgid */
	[507] = {1045, 4, MA_SH_NAME_RUNS}, /* chvt */
	[508] = {451, 7, MA_SH_NAME_RUNS}, /* unalias */
	[509] = {732, 10, MA_SH_NAME_RUNS}, /* blkdiscard */
	[510] = {1744, 3, MA_SH_NAME_RUNS}, /* erb */
	[511] = {3090, 7, MA_SH_NAME_RUNS}, /* linux64 */
	[512] = {3678, 3, MA_SH_NAME_RUNS}, /* mvn */
	[513] = {993, 9, MA_SH_NAME_RUNS}, /* chkconfig */
	[514] = {3888, 7, MA_SH_NAME_RUNS}, /* objdump */
	[518] = {6020, 5, MA_SH_NAME_RUNS}, /* tload */
	[521] = {118, 5, MA_SH_NAME_OPENS}, /* while */
	[522] = {6280, 11, MA_SH_NAME_RUNS}, /* update-rc.d */
	[523] = {6510, 5, MA_SH_NAME_RUNS}, /* write */
	[524] = {1729, 6, MA_SH_NAME_RUNS}, /* envdir */
	[526] = {4697, 5, MA_SH_NAME_RUNS}, /* reset */
	[528] = {1250, 3, MA_SH_NAME_RUNS}, /* dcb */
	[529] = {2235, 2, MA_SH_NAME_RUNS}, /* go */
	[530] = {2391, 7, MA_SH_NAME_RUNS}, /* grpconv */
	[531] = {1486, 10, MA_SH_NAME_RUNS}, /* dpkg-query */
	[532] = {3257, 5, MA_SH_NAME_RUNS}, /* lsmod */
	[533] = {876, 12, MA_SH_NAME_RUNS}, /* bzip2recover */
	[534] = {1022, 8, MA_SH_NAME_RUNS}, /* chpasswd */
	[537] = {2751, 7, MA_SH_NAME_RUNS}, /* ipmaddr */
	[539] = {3568, 9, MA_SH_NAME_RUNS}, /* mkfs.vfat */
	[540] = {4883, 6, MA_SH_NAME_RUNS}, /* s-nail */
	[543] = {357, 4, MA_SH_NAME_RUNS}, /* read */
	[544] = {2426, 5, MA_SH_NAME_RUNS}, /* gzexe */
	[545] = {690, 6, MA_SH_NAME_RUNS}, /* base64 */
	[546] = {3700, 9, MA_SH_NAME_RUNS}, /* nandwrite */
	[547] = {4787, 6, MA_SH_NAME_RUNS}, /* rtacct */
	[553] = {634, 6, MA_SH_NAME_RUNS}, /* aria2c */
	[554] = {4266, 8, MA_SH_NAME_RUNS}, /* poweroff */
	[555] = {3281, 5, MA_SH_NAME_RUNS}, /* lsusb */
	[556] = {4003, 5, MA_SH_NAME_RUNS}, /* pdksh */
	[557] = {6220, 6, MA_SH_NAME_RUNS}, /* unlzma */
	[565] = {1129, 6, MA_SH_NAME_RUNS}, /* conspy */
	[566] = {1294, 7, MA_SH_NAME_RUNS}, /* deluser */
	[567] = {3202, 3, MA_SH_NAME_RUNS}, /* lpr */
	[570] = {281, 2, MA_SH_NAME_RUNS}, /* fg */
	[571] = {283, 7, MA_SH_NAME_RUNS}, /* getopts */
	[572] = {4504, 10, MA_SH_NAME_RUNS}, /* python3.13 */
	[573] = {660, 3, MA_SH_NAME_RUNS}, /* atq */
	[574] = {1925, 5, MA_SH_NAME_RUNS}, /* flock */
	[575] = {2603, 9, MA_SH_NAME_RUNS}, /* ifenslave */
	[578] = {409, 7, MA_SH_NAME_RUNS}, /* suspend */
	[582] = {238, 4, MA_SH_NAME_RUNS}, /* dirs */
	[583] = {123, 1, MA_SH_NAME_OPENS}, /* { */
	[584] = {2576, 11, MA_SH_NAME_RUNS}, /* iconvconfig */
	[585] = {4605, 4, MA_SH_NAME_RUNS}, /* rdma */
	[586] = {4458, 9, MA_SH_NAME_RUNS}, /* python2.7 */
	[587] = {22, 3, MA_SH_NAME_PREFIX}, /* env */
	[588] = {1781, 6, MA_SH_NAME_RUNS}, /* factor */
	[589] = {4532, 9, MA_SH_NAME_RUNS}, /* python3.7 */
	[590] = {1930, 3, MA_SH_NAME_RUNS}, /* fmt */
	[592] = {4049, 10, MA_SH_NAME_RUNS}, /* perlthanks */
	[595] = {1914, 4, MA_SH_NAME_RUNS}, /* fish */
	[596] = {1876, 8, MA_SH_NAME_RUNS}, /* filefrag */
	[597] = {970, 5, MA_SH_NAME_RUNS}, /* chcpu */
	[598] = {2839, 4, MA_SH_NAME_RUNS}, /* join */
	[599] = {3223, 4, MA_SH_NAME_RUNS}, /* lsfd */
	[602] = {1697, 7, MA_SH_NAME_RUNS}, /* elfedit */
	[604] = {1965, 9, MA_SH_NAME_RUNS}, /* fsck.ext3 */
	[608] = {517, 7, MA_SH_NAME_RUNS}, /* addpart */
	[610] = {4977, 7, MA_SH_NAME_RUNS}, /* setarch */
	[613] = {6373, 4, MA_SH_NAME_RUNS}, /* vdir */
	[617] = {1149, 4, MA_SH_NAME_RUNS}, /* cpgr */
	[618] = {6684, 7, MA_SH_NAME_RUNS}, /* zipinfo */
	[619] = {2057, 4, MA_SH_NAME_RUNS}, /* gawk */
	[622] = {4836, 6, MA_SH_NAME_RUNS}, /* runcon */
	[623] = {4889, 7, MA_SH_NAME_RUNS}, /* savelog */
	[624] = {605, 7, MA_SH_NAME_RUNS}, /* apt-key */
	[625] = {6350, 8, MA_SH_NAME_RUNS}, /* uudecode */
	[626] = {6358, 8, MA_SH_NAME_RUNS}, /* uuencode */
	[627] = {4008, 6, MA_SH_NAME_RUNS}, /* peekfd */
	[629] = {1035, 6, MA_SH_NAME_RUNS}, /* chroot */
	[630] = {4129, 4, MA_SH_NAME_RUNS}, /* pip3 */
	[631] = {1685, 2, MA_SH_NAME_RUNS}, /* ed */
	[633] = {416, 4, MA_SH_NAME_RUNS}, /* test */
	[634] = {1344, 3, MA_SH_NAME_RUNS}, /* dig */
	[636] = {4743, 5, MA_SH_NAME_RUNS}, /* rmdir */
	[639] = {670, 5, MA_SH_NAME_RUNS}, /* b2sum */
	[645] = {3637, 4, MA_SH_NAME_RUNS}, /* more */
	[646] = {4108, 4, MA_SH_NAME_RUNS}, /* pigz */
	[648] = {6469, 17, MA_SH_NAME_RUNS}, /* which.debianutils */
	[651] = {4601, 4, MA_SH_NAME_RUNS}, /* rdev */
	[652] = {3275, 6, MA_SH_NAME_RUNS}, /* lsscsi */
	[653] = {2280, 14, MA_SH_NAME_RUNS}, /* gp-display-src */
	[656] = {4896, 3, MA_SH_NAME_RUNS}, /* say */
	[660] = {540, 8, MA_SH_NAME_RUNS}, /* adjtimex */
	[665] = {1646, 7, MA_SH_NAME_RUNS}, /* e2scrub */
	[674] = {5241, 5, MA_SH_NAME_RUNS}, /* split */
	[678] = {1715, 6, MA_SH_NAME_RUNS}, /* enc2xs */
	[685] = {11, 7, MA_SH_NAME_PREFIX}, /* command */
	[687] = {3756, 6, MA_SH_NAME_RUNS}, /* newgrp */
	[688] = {1602, 3, MA_SH_NAME_RUNS}, /* dwp */
	[689] = {2772, 6, MA_SH_NAME_RUNS}, /* iprule */
	[690] = {5414, 4, MA_SH_NAME_RUNS}, /* svok */
	[693] = {473, 8, MA_SH_NAME_RUNS}, /* zmodload */
	[694] = {1121, 8, MA_SH_NAME_RUNS}, /* composer */
	[695] = {1463, 23, MA_SH_NAME_RUNS}, /* dpkg-maintscript-helper */
	[696] = {5020, 10, MA_SH_NAME_RUNS}, /* setlogcons */
	[699] = {4321, 2, MA_SH_NAME_RUNS}, /* ps */
	[700] = {5053, 9, MA_SH_NAME_RUNS}, /* setuidgid */
	[703] = {57, 6, MA_SH_NAME_PREFIX}, /* stdbuf */
	[707] = {5062, 4, MA_SH_NAME_RUNS}, /* sftp */
	[708] = {2149, 6, MA_SH_NAME_RUNS}, /* getent */
	[709] = {5248, 3, MA_SH_NAME_RUNS}, /* ssh */
	[710] = {5467, 6, MA_SH_NAME_RUNS}, /* sysctl */
	[713] = {1324, 2, MA_SH_NAME_RUNS}, /* df */
	[714] = {458, 5, MA_SH_NAME_RUNS}, /* unset */
	[715] = {1757, 2, MA_SH_NAME_RUNS}, /* ex */
	[719] = {96, 1, MA_SH_NAME_OPENS}, /* ! */
	[723] = {2337, 4, MA_SH_NAME_RUNS}, /* grep */
	[726] = {2324, 7, MA_SH_NAME_RUNS}, /* gprofng */
	[728] = {5599, 13, MA_SH_NAME_RUNS}, /* systemd-delta */
	[732] = {1371, 3, MA_SH_NAME_RUNS}, /* dnf */
	[733] = {1933, 4, MA_SH_NAME_RUNS}, /* fold */
	[735] = {4090, 6, MA_SH_NAME_RUNS}, /* piconv */
	[736] = {3000, 7, MA_SH_NAME_RUNS}, /* ld.gold */
	[737] = {4376, 6, MA_SH_NAME_RUNS}, /* pwconv */
	[738] = {3432, 3, MA_SH_NAME_RUNS}, /* md5 */
	[750] = {888, 6, MA_SH_NAME_RUNS}, /* bzless */
	[755] = {4753, 7, MA_SH_NAME_RUNS}, /* rmt-tar */
	[756] = {4856, 5, MA_SH_NAME_RUNS}, /* runsv */
	[759] = {4793, 7, MA_SH_NAME_RUNS}, /* rtcwake */
	[760] = {4869, 7, MA_SH_NAME_RUNS}, /* runuser */
	[762] = {955, 4, MA_SH_NAME_RUNS}, /* chat */
	[763] = {6568, 6, MA_SH_NAME_RUNS}, /* xzless */
	[764] = {3412, 3, MA_SH_NAME_RUNS}, /* man */
	[766] = {136, 4, MA_SH_NAME_RESERVED}, /* esac */
	[767] = {3324, 6, MA_SH_NAME_RUNS}, /* luajit */
	[768] = {3729, 4, MA_SH_NAME_RUNS}, /* ncat */
	[770] = {6317, 7, MA_SH_NAME_RUNS}, /* userdel */
	[774] = {6677, 7, MA_SH_NAME_RUNS}, /* zipgrep */
	[775] = {948, 2, MA_SH_NAME_RUNS}, /* cc */
	[776] = {1574, 2, MA_SH_NAME_RUNS}, /* du */
	[777] = {5631, 14, MA_SH_NAME_RUNS}, /* systemd-escape */
	[779] = {495, 5, MA_SH_NAME_RUNS}, /* acpid */
	[780] = {4116, 5, MA_SH_NAME_RUNS}, /* ping6 */
	[781] = {3727, 2, MA_SH_NAME_RUNS}, /* nc */
	[782] = {1653, 11, MA_SH_NAME_RUNS}, /* e2scrub_all */
	[784] = {2976, 7, MA_SH_NAME_RUNS}, /* lastlog */
	[787] = {1106, 5, MA_SH_NAME_RUNS}, /* colrm */
	[788] = {1425, 8, MA_SH_NAME_RUNS}, /* dpkg-deb */
	[789] = {4086, 4, MA_SH_NAME_RUNS}, /* pico */
	[790] = {2474, 7, MA_SH_NAME_RUNS}, /* hexedit */
	[791] = {4984, 10, MA_SH_NAME_RUNS}, /* setconsole */
	[792] = {5958, 4, MA_SH_NAME_RUNS}, /* tcsh */
	[793] = {3867, 4, MA_SH_NAME_RUNS}, /* nuke */
	[796] = {1287, 7, MA_SH_NAME_RUNS}, /* delpart */
	[798] = {6716, 4, MA_SH_NAME_RUNS}, /* znew */
	[801] = {2132, 3, MA_SH_NAME_RUNS}, /* gdb */
	[804] = {6040, 4, MA_SH_NAME_RUNS}, /* tput */
	[805] = {6401, 4, MA_SH_NAME_RUNS}, /* vipw */
	[808] = {3007, 5, MA_SH_NAME_RUNS}, /* ld.so */
	[809] = {5364, 7, MA_SH_NAME_RUNS}, /* strings */
	[810] = {5190, 5, MA_SH_NAME_RUNS}, /* sleep */
	[814] = {2967, 4, MA_SH_NAME_RUNS}, /* last */
	[815] = {6642, 6, MA_SH_NAME_RUNS}, /* zforce */
	[816] = {6763, 6, MA_SH_NAME_RUNS}, /* zypper */
	[819] = {2455, 2, MA_SH_NAME_RUNS}, /* hd */
	[822] = {3803, 2, MA_SH_NAME_RUNS}, /* nm */
	[823] = {2013, 6, MA_SH_NAME_RUNS}, /* fstrim */
	[824] = {2215, 15, MA_SH_NAME_RUNS}, /* git-upload-pack */
	[825] = {5690, 24, MA_SH_NAME_RUNS}, /* systemd-machine-id-setup */
	[826] = {5714, 13, MA_SH_NAME_RUNS}, /* systemd-mount */
	[829] = {612, 8, MA_SH_NAME_RUNS}, /* apt-mark */
	[830] = {1777, 4, MA_SH_NAME_RUNS}, /* expr */
	[832] = {3336, 5, MA_SH_NAME_RUNS}, /* lzcat */
	[835] = {182, 5, MA_SH_NAME_RUNS}, /* break */
	[840] = {1145, 4, MA_SH_NAME_RUNS}, /* cpan */
	[846] = {1378, 13, MA_SH_NAME_RUNS}, /* dnsdomainname */
	[847] = {928, 3, MA_SH_NAME_RUNS}, /* cal */
	[848] = {2794, 7, MA_SH_NAME_RUNS}, /* ipython */
	[849] = {4361, 8, MA_SH_NAME_RUNS}, /* ptargrep */
	[850] = {509, 8, MA_SH_NAME_RUNS}, /* addgroup */
	[851] = {2019, 5, MA_SH_NAME_RUNS}, /* fsync */
	[852] = {6605, 3, MA_SH_NAME_RUNS}, /* yum */
	[853] = {161, 1, MA_SH_NAME_RESERVED}, /* } */
	[856] = {4848, 8, MA_SH_NAME_RUNS}, /* runlevel */
	[861] = {1635, 11, MA_SH_NAME_RUNS}, /* e2mmpstatus */
	[862] = {2457, 6, MA_SH_NAME_RUNS}, /* hdparm */
	[865] = {2836, 3, MA_SH_NAME_RUNS}, /* joe */
	[866] = {3300, 6, MA_SH_NAME_RUNS}, /* lua5.1 */
	[868] = {6706, 5, MA_SH_NAME_RUNS}, /* zless */
	[871] = {5531, 11, MA_SH_NAME_RUNS}, /* systemd-cat */
	[872] = {1002, 5, MA_SH_NAME_RUNS}, /* chmem */
	[874] = {3512, 8, MA_SH_NAME_RUNS}, /* mkfs.bfs */
	[875] = {865, 6, MA_SH_NAME_RUNS}, /* bzgrep */
	[876] = {4682, 9, MA_SH_NAME_RUNS}, /* rename.ul */
	[877] = {6667, 10, MA_SH_NAME_RUNS}, /* zipdetails */
	[879] = {2407, 4, MA_SH_NAME_RUNS}, /* gsed */
	[880] = {2064, 6, MA_SH_NAME_RUNS}, /* gcc-12 */
	[881] = {5002, 7, MA_SH_NAME_RUNS}, /* setfont */
	[882] = {6415, 6, MA_SH_NAME_RUNS}, /* vmstat */
	[885] = {2411, 5, MA_SH_NAME_RUNS}, /* guile */
	[886] = {5411, 3, MA_SH_NAME_RUNS}, /* svn */
	[887] = {269, 4, MA_SH_NAME_RUNS}, /* exit */
	[888] = {4570, 11, MA_SH_NAME_RUNS}, /* raidautorun */
	[889] = {2946, 3, MA_SH_NAME_RUNS}, /* ksh */
	[890] = {5246, 2, MA_SH_NAME_RUNS}, /* ss */
	[891] = {3863, 4, MA_SH_NAME_RUNS}, /* ntpd */
	[892] = {6562, 6, MA_SH_NAME_RUNS}, /* xzgrep */
	[893] = {6612, 4, MA_SH_NAME_RUNS}, /* zcip */
	[894] = {871, 5, MA_SH_NAME_RUNS}, /* bzip2 */
	[895] = {1264, 7, MA_SH_NAME_RUNS}, /* debugfs */
	[896] = {2265, 15, MA_SH_NAME_RUNS}, /* gp-display-html */
	[900] = {5911, 4, MA_SH_NAME_RUNS}, /* tabs */
	[901] = {3244, 8, MA_SH_NAME_RUNS}, /* lslogins */
	[902] = {1891, 4, MA_SH_NAME_RUNS}, /* find */
	[903] = {2037, 6, MA_SH_NAME_RUNS}, /* ftpput */
	[904] = {4748, 5, MA_SH_NAME_RUNS}, /* rmmod */
	[905] = {6165, 6, MA_SH_NAME_RUNS}, /* uevent */
	[906] = {6184, 10, MA_SH_NAME_RUNS}, /* uncompress */
	[907] = {667, 3, MA_SH_NAME_RUNS}, /* awk */
	[908] = {910, 8, MA_SH_NAME_RUNS}, /* c_rehash */
	[912] = {103, 4, MA_SH_NAME_OPENS}, /* else */
	[913] = {853, 5, MA_SH_NAME_RUNS}, /* bzexe */
	[914] = {1576, 8, MA_SH_NAME_RUNS}, /* dumpe2fs */
	[915] = {4541, 9, MA_SH_NAME_RUNS}, /* python3.8 */
	[919] = {754, 8, MA_SH_NAME_RUNS}, /* blockdev */
	[920] = {840, 6, MA_SH_NAME_RUNS}, /* bzdiff */
	[921] = {5115, 9, MA_SH_NAME_RUNS}, /* sha512sum */
	[922] = {5489, 7, MA_SH_NAME_RUNS}, /* systemd */
	[923] = {6421, 7, MA_SH_NAME_RUNS}, /* volname */
	[925] = {3667, 2, MA_SH_NAME_RUNS}, /* mt */
	[926] = {5972, 6, MA_SH_NAME_RUNS}, /* telnet */
	[928] = {5070, 4, MA_SH_NAME_RUNS}, /* sha1 */
	[930] = {398, 5, MA_SH_NAME_RUNS}, /* shopt */
	[931] = {5287, 10, MA_SH_NAME_RUNS}, /* ssh-keygen */
	[932] = {1974, 9, MA_SH_NAME_RUNS}, /* fsck.ext4 */
	[933] = {6542, 6, MA_SH_NAME_RUNS}, /* xzdiff */
	[937] = {5037, 9, MA_SH_NAME_RUNS}, /* setserial */
	[938] = {5480, 9, MA_SH_NAME_RUNS}, /* systemctl */
	[939] = {6016, 4, MA_SH_NAME_RUNS}, /* tipc */
	[941] = {309, 4, MA_SH_NAME_RUNS}, /* kill */
	[942] = {5675, 15, MA_SH_NAME_RUNS}, /* systemd-inhibit */
	[943] = {6159, 6, MA_SH_NAME_RUNS}, /* udpsvd */
	[944] = {6255, 6, MA_SH_NAME_RUNS}, /* unzstd */
	[945] = {4196, 4, MA_SH_NAME_RUNS}, /* pmap */
	[946] = {3489, 7, MA_SH_NAME_RUNS}, /* mkdosfs */
	[947] = {5997, 5, MA_SH_NAME_RUNS}, /* tftpd */
	[948] = {6659, 8, MA_SH_NAME_RUNS}, /* zipcloak */
	[949] = {5767, 11, MA_SH_NAME_RUNS}, /* systemd-run */
	[950] = {4302, 7, MA_SH_NAME_RUNS}, /* prlimit */
	[951] = {6486, 3, MA_SH_NAME_RUNS}, /* who */
	[953] = {1318, 6, MA_SH_NAME_RUNS}, /* devmem */
	[963] = {279, 2, MA_SH_NAME_RUNS}, /* fc */
	[964] = {3207, 6, MA_SH_NAME_RUNS}, /* lsattr */
	[965] = {3996, 7, MA_SH_NAME_RUNS}, /* pdb3.11 */
	[973] = {2994, 6, MA_SH_NAME_RUNS}, /* ld.bfd */
	[975] = {1301, 4, MA_SH_NAME_RUNS}, /* deno */
	[976] = {1721, 8, MA_SH_NAME_RUNS}, /* encguess */
	[977] = {2612, 7, MA_SH_NAME_RUNS}, /* ifplugd */
	[978] = {6100, 3, MA_SH_NAME_RUNS}, /* tty */
	[979] = {6506, 4, MA_SH_NAME_RUNS}, /* wish */
	[980] = {1163, 4, MA_SH_NAME_RUNS}, /* cppw */
	[981] = {2741, 4, MA_SH_NAME_RUNS}, /* ipcs */
	[986] = {4165, 7, MA_SH_NAME_RUNS}, /* pkg_add */
	[989] = {5339, 16, MA_SH_NAME_RUNS}, /* strace-log-merge */
	[992] = {772, 5, MA_SH_NAME_RUNS}, /* brctl */
	[994] = {2169, 3, MA_SH_NAME_RUNS}, /* git */
	[995] = {3415, 4, MA_SH_NAME_RUNS}, /* mawk */
	[996] = {6648, 5, MA_SH_NAME_RUNS}, /* zgrep */
	[997] = {2108, 12, MA_SH_NAME_RUNS}, /* gcov-dump-12 */
	[998] = {2913, 7, MA_SH_NAME_RUNS}, /* killall */
	[999] = {3419, 6, MA_SH_NAME_RUNS}, /* mcedit */
	[1000] = {5251, 7, MA_SH_NAME_RUNS}, /* ssh-add */
	[1005] = {6002, 3, MA_SH_NAME_RUNS}, /* tic */
	[1006] = {500, 9, MA_SH_NAME_RUNS}, /* add-shell */
	[1007] = {3484, 5, MA_SH_NAME_RUNS}, /* mkdir */
	[1008] = {5081, 9, MA_SH_NAME_RUNS}, /* sha224sum */
	[1010] = {163, 5, MA_SH_NAME_RUNS}, /* alias */
	[1012] = {1366, 5, MA_SH_NAME_RUNS}, /* dmesg */
	[1017] = {810, 7, MA_SH_NAME_RUNS}, /* bunzip2 */
	[1020] = {5612, 19, MA_SH_NAME_RUNS}, /* systemd-detect-virt */
	[1021] = {3457, 4, MA_SH_NAME_RUNS}, /* mdev */
	[1030] = {598, 7, MA_SH_NAME_RUNS}, /* apt-get */
	[1033] = {4028, 7, MA_SH_NAME_RUNS}, /* perlbug */
	[1034] = {6206, 8, MA_SH_NAME_RUNS}, /* unix2dos */
	[1035] = {6381, 2, MA_SH_NAME_RUNS}, /* vi */
	[1036] = {1190, 7, MA_SH_NAME_RUNS}, /* cryptpw */
	[1037] = {1279, 8, MA_SH_NAME_RUNS}, /* delgroup */
	[1038] = {6620, 5, MA_SH_NAME_RUNS}, /* zdiff */
	[1043] = {1012, 5, MA_SH_NAME_RUNS}, /* choom */
	[1044] = {2061, 3, MA_SH_NAME_RUNS}, /* gcc */
	[1045] = {561, 3, MA_SH_NAME_RUNS}, /* ant */
	[1046] = {2674, 9, MA_SH_NAME_RUNS}, /* instmodsh */
	[1052] = {4661, 9, MA_SH_NAME_RUNS}, /* reformime */
	[1056] = {1219, 6, MA_SH_NAME_RUNS}, /* ctstat */
	[1060] = {1872, 4, MA_SH_NAME_RUNS}, /* file */
	[1061] = {69, 4, MA_SH_NAME_PREFIX}, /* sudo */
	[1062] = {2786, 8, MA_SH_NAME_RUNS}, /* iptunnel */
	[1065] = {2431, 4, MA_SH_NAME_RUNS}, /* gzip */
	[1067] = {3641, 5, MA_SH_NAME_RUNS}, /* mount */
	[1071] = {1197, 3, MA_SH_NAME_RUNS}, /* csh */
	[1073] = {2027, 4, MA_SH_NAME_RUNS}, /* ftpd */
	[1074] = {1172, 6, MA_SH_NAME_RUNS}, /* crictl */
	[1076] = {2628, 7, MA_SH_NAME_RUNS}, /* infocmp */
	[1083] = {2597, 6, MA_SH_NAME_RUNS}, /* ifdown */
	[1084] = {4014, 4, MA_SH_NAME_RUNS}, /* perl */
	[1085] = {4413, 10, MA_SH_NAME_RUNS}, /* pygettext3 */
	[1086] = {1237, 3, MA_SH_NAME_RUNS}, /* cut */
	[1087] = {1552, 12, MA_SH_NAME_RUNS}, /* dpkg-trigger */
	[1088] = {3028, 3, MA_SH_NAME_RUNS}, /* ldd */
	[1089] = {4436, 4, MA_SH_NAME_RUNS}, /* pypy */
	[1090] = {0, 7, MA_SH_NAME_PREFIX}, /* builtin */
	[1091] = {4876, 5, MA_SH_NAME_RUNS}, /* rustc */
	[1092] = {931, 9, MA_SH_NAME_RUNS}, /* captoinfo */
	[1093] = {728, 4, MA_SH_NAME_RUNS}, /* beep */
	[1094] = {1135, 8, MA_SH_NAME_RUNS}, /* corelist */
	[1097] = {742, 5, MA_SH_NAME_RUNS}, /* blkid */
	[1099] = {1564, 4, MA_SH_NAME_RUNS}, /* dscl */
	[1102] = {1350, 9, MA_SH_NAME_RUNS}, /* dircolors */
	[1103] = {894, 6, MA_SH_NAME_RUNS}, /* bzmore */
	[1108] = {25, 4, MA_SH_NAME_PREFIX}, /* exec */
	[1109] = {1525, 10, MA_SH_NAME_RUNS}, /* dpkg-split */
	[1113] = {1444, 19, MA_SH_NAME_RUNS}, /* dpkg-fsys-usrunmess */
	[1115] = {6574, 6, MA_SH_NAME_RUNS}, /* xzmore */
	[1118] = {3662, 5, MA_SH_NAME_RUNS}, /* msmtp */
	[1119] = {3481, 3, MA_SH_NAME_RUNS}, /* mim */
	[1120] = {3773, 5, MA_SH_NAME_RUNS}, /* ninja */
	[1125] = {4625, 8, MA_SH_NAME_RUNS}, /* readlink */
	[1126] = {1167, 5, MA_SH_NAME_RUNS}, /* crc32 */
	[1131] = {721, 5, MA_SH_NAME_RUNS}, /* batch */
	[1133] = {5208, 4, MA_SH_NAME_RUNS}, /* snap */
	[1135] = {3794, 7, MA_SH_NAME_RUNS}, /* nix-env */
	[1137] = {1094, 3, MA_SH_NAME_RUNS}, /* cmp */
	[1144] = {3112, 8, MA_SH_NAME_RUNS}, /* loadfont */
	[1148] = {4112, 4, MA_SH_NAME_RUNS}, /* ping */
	[1149] = {2241, 10, MA_SH_NAME_RUNS}, /* gp-archive */
	[1150] = {6438, 8, MA_SH_NAME_RUNS}, /* watchdog */
	[1151] = {3692, 8, MA_SH_NAME_RUNS}, /* nanddump */
	[1152] = {1240, 4, MA_SH_NAME_RUNS}, /* dash */
	[1153] = {5926, 3, MA_SH_NAME_RUNS}, /* tar */
	[1154] = {5978, 7, MA_SH_NAME_RUNS}, /* telnetd */
	[1156] = {2341, 6, MA_SH_NAME_RUNS}, /* groovy */
	[1157] = {5405, 6, MA_SH_NAME_RUNS}, /* svlogd */
	[1158] = {5542, 12, MA_SH_NAME_RUNS}, /* systemd-cgls */
	[1159] = {5935, 2, MA_SH_NAME_RUNS}, /* tc */
	[1160] = {3218, 5, MA_SH_NAME_RUNS}, /* lscpu */
	[1166] = {2049, 5, MA_SH_NAME_RUNS}, /* fuser */
	[1168] = {787, 7, MA_SH_NAME_RUNS}, /* buildah */
	[1169] = {3058, 8, MA_SH_NAME_RUNS}, /* lesspipe */
	[1170] = {3618, 7, MA_SH_NAME_RUNS}, /* modinfo */
	[1174] = {1255, 9, MA_SH_NAME_RUNS}, /* deallocvt */
	[1175] = {4736, 5, MA_SH_NAME_RUNS}, /* rgrep */
	[1176] = {420, 5, MA_SH_NAME_RUNS}, /* times */
	[1177] = {5258, 9, MA_SH_NAME_RUNS}, /* ssh-agent */
	[1178] = {5922, 4, MA_SH_NAME_RUNS}, /* talk */
	[1179] = {18, 4, MA_SH_NAME_PREFIX}, /* doas */
	[1181] = {4994, 8, MA_SH_NAME_RUNS}, /* setfattr */
	[1188] = {193, 2, MA_SH_NAME_RUNS}, /* cd */
	[1189] = {2420, 6, MA_SH_NAME_RUNS}, /* gunzip */
	[1190] = {1747, 10, MA_SH_NAME_RUNS}, /* ether-wake */
	[1193] = {321, 6, MA_SH_NAME_RUNS}, /* logout */
	[1194] = {3306, 6, MA_SH_NAME_RUNS}, /* lua5.2 */
	[1195] = {4339, 10, MA_SH_NAME_RUNS}, /* pstree.x11 */
	[1196] = {4591, 5, MA_SH_NAME_RUNS}, /* rbash */
	[1197] = {5235, 6, MA_SH_NAME_RUNS}, /* splain */
	[1199] = {5727, 14, MA_SH_NAME_RUNS}, /* systemd-notify */
	[1201] = {1771, 6, MA_SH_NAME_RUNS}, /* expiry */
	[1202] = {3877, 4, MA_SH_NAME_RUNS}, /* nvim */
	[1207] = {548, 6, MA_SH_NAME_RUNS}, /* agetty */
	[1208] = {248, 4, MA_SH_NAME_RUNS}, /* echo */
	[1209] = {2001, 12, MA_SH_NAME_RUNS}, /* fstab-decode */
	[1210] = {2347, 8, MA_SH_NAME_RUNS}, /* groupadd */
	[1211] = {1433, 11, MA_SH_NAME_RUNS}, /* dpkg-divert */
	[1212] = {2372, 8, MA_SH_NAME_RUNS}, /* groupmod */
	[1213] = {3353, 4, MA_SH_NAME_RUNS}, /* lzop */
	[1214] = {6116, 7, MA_SH_NAME_RUNS}, /* tune2fs */
	[1216] = {567, 3, MA_SH_NAME_RUNS}, /* apt */
	[1217] = {3128, 6, MA_SH_NAME_RUNS}, /* locale */
	[1219] = {6044, 2, MA_SH_NAME_RUNS}, /* tr */
	[1220] = {1111, 6, MA_SH_NAME_RUNS}, /* column */
	[1221] = {5867, 30, MA_SH_NAME_RUNS}, /* systemd-tty-ask-password-agent */
	[1222] = {6711, 5, MA_SH_NAME_RUNS}, /* zmore */
	[1225] = {4219, 8, MA_SH_NAME_RUNS}, /* pod2text */
	[1227] = {4564, 6, MA_SH_NAME_RUNS}, /* racket */
	[1229] = {3577, 12, MA_SH_NAME_RUNS}, /* mklost+found */
	[1230] = {5124, 12, MA_SH_NAME_RUNS}, /* shadowconfig */
	[1231] = {6616, 4, MA_SH_NAME_RUNS}, /* zcmp */
	[1232] = {5318, 17, MA_SH_NAME_RUNS}, /* start-stop-daemon */
	[1234] = {1209, 10, MA_SH_NAME_RUNS}, /* ctrlaltdel */
	[1235] = {5434, 7, MA_SH_NAME_RUNS}, /* swapoff */
	[1238] = {6331, 5, MA_SH_NAME_RUNS}, /* users */
	[1241] = {4200, 4, MA_SH_NAME_RUNS}, /* pnpm */
	[1242] = {4550, 9, MA_SH_NAME_RUNS}, /* python3.9 */
	[1245] = {903, 7, MA_SH_NAME_RUNS}, /* c++filt */
	[1248] = {5918, 4, MA_SH_NAME_RUNS}, /* tail */
	[1249] = {3163, 8, MA_SH_NAME_RUNS}, /* loginctl */
	[1250] = {4423, 13, MA_SH_NAME_RUNS}, /* pygettext3.11 */
	[1251] = {6625, 5, MA_SH_NAME_RUNS}, /* zdump */
	[1252] = {3158, 5, MA_SH_NAME_RUNS}, /* login */
	[1253] = {4727, 6, MA_SH_NAME_RUNS}, /* resume */
	[1260] = {1704, 5, MA_SH_NAME_RUNS}, /* emacs */
	[1262] = {1901, 7, MA_SH_NAME_RUNS}, /* findmnt */
	[1263] = {5090, 9, MA_SH_NAME_RUNS}, /* sha256sum */
	[1264] = {4398, 6, MA_SH_NAME_RUNS}, /* pydoc3 */
	[1266] = {1765, 6, MA_SH_NAME_RUNS}, /* expect */
	[1267] = {975, 4, MA_SH_NAME_RUNS}, /* chfn */
	[1274] = {5175, 7, MA_SH_NAME_RUNS}, /* slabtop */
	[1277] = {3843, 7, MA_SH_NAME_RUNS}, /* nsenter */
	[1280] = {1326, 9, MA_SH_NAME_RUNS}, /* dhcprelay */
	[1281] = {2070, 9, MA_SH_NAME_RUNS}, /* gcc-ar-12 */
	[1282] = {4274, 10, MA_SH_NAME_RUNS}, /* powershell */
	[1283] = {2463, 4, MA_SH_NAME_RUNS}, /* head */
	[1286] = {4074, 4, MA_SH_NAME_RUNS}, /* php5 */
	[1289] = {1415, 6, MA_SH_NAME_RUNS}, /* dotnet */
	[1291] = {3286, 11, MA_SH_NAME_RUNS}, /* lto-dump-12 */
	[1294] = {6140, 6, MA_SH_NAME_RUNS}, /* udhcpc */
	[1295] = {3913, 6, MA_SH_NAME_RUNS}, /* openvt */
	[1304] = {4929, 10, MA_SH_NAME_RUNS}, /* scriptlive */
	[1308] = {3606, 6, MA_SH_NAME_RUNS}, /* mkswap */
	[1309] = {2501, 11, MA_SH_NAME_RUNS}, /* hostnamectl */
	[1310] = {3956, 6, MA_SH_NAME_RUNS}, /* passwd */
	[1315] = {4733, 3, MA_SH_NAME_RUNS}, /* rev */
	[1317] = {950, 5, MA_SH_NAME_RUNS}, /* chage */
	[1318] = {1089, 5, MA_SH_NAME_RUNS}, /* cmake */
	[1319] = {846, 7, MA_SH_NAME_RUNS}, /* bzegrep */
	[1320] = {858, 7, MA_SH_NAME_RUNS}, /* bzfgrep */
	[1321] = {4609, 9, MA_SH_NAME_RUNS}, /* readahead */
	[1322] = {5962, 3, MA_SH_NAME_RUNS}, /* tee */
	[1325] = {3967, 5, MA_SH_NAME_RUNS}, /* patch */
	[1326] = {4832, 4, MA_SH_NAME_RUNS}, /* runc */
	[1329] = {3686, 6, MA_SH_NAME_RUNS}, /* nameif */
	[1331] = {2443, 4, MA_SH_NAME_RUNS}, /* halt */
	[1332] = {6548, 7, MA_SH_NAME_RUNS}, /* xzegrep */
	[1333] = {3881, 7, MA_SH_NAME_RUNS}, /* objcopy */
	[1334] = {6555, 7, MA_SH_NAME_RUNS}, /* xzfgrep */
	[1339] = {80, 4, MA_SH_NAME_PREFIX}, /* time */
	[1343] = {777, 4, MA_SH_NAME_RUNS}, /* brew */
	[1344] = {6446, 2, MA_SH_NAME_RUNS}, /* wc */
	[1345] = {988, 5, MA_SH_NAME_RUNS}, /* chgrp */
	[1346] = {4186, 10, MA_SH_NAME_RUNS}, /* plipconfig */
	[1347] = {2550, 6, MA_SH_NAME_RUNS}, /* i2cset */
	[1348] = {524, 9, MA_SH_NAME_RUNS}, /* addr2line */
	[1349] = {4771, 3, MA_SH_NAME_RUNS}, /* rpm */
	[1350] = {4096, 5, MA_SH_NAME_RUNS}, /* pidof */
	[1352] = {1983, 10, MA_SH_NAME_RUNS}, /* fsck.minix */
	[1355] = {3361, 5, MA_SH_NAME_RUNS}, /* mailx */
	[1357] = {4182, 4, MA_SH_NAME_RUNS}, /* pldd */
	[1359] = {3589, 5, MA_SH_NAME_RUNS}, /* mknod */
	[1361] = {3520, 11, MA_SH_NAME_RUNS}, /* mkfs.cramfs */
	[1366] = {6530, 2, MA_SH_NAME_RUNS}, /* xz */
	[1369] = {3762, 8, MA_SH_NAME_RUNS}, /* newusers */
	[1370] = {5402, 3, MA_SH_NAME_RUNS}, /* svc */
	[1371] = {1017, 5, MA_SH_NAME_RUNS}, /* chown */
	[1375] = {2363, 9, MA_SH_NAME_RUNS}, /* groupmems */
	[1376] = {5267, 9, MA_SH_NAME_RUNS}, /* ssh-argv0 */
	[1378] = {747, 7, MA_SH_NAME_RUNS}, /* blkzone */
	[1379] = {1030, 5, MA_SH_NAME_RUNS}, /* chpst */
	[1380] = {3791, 3, MA_SH_NAME_RUNS}, /* nix */
	[1381] = {2188, 9, MA_SH_NAME_RUNS}, /* git-shell */
	[1382] = {4811, 4, MA_SH_NAME_RUNS}, /* ruby */
	[1383] = {4823, 9, MA_SH_NAME_RUNS}, /* run-parts */
	[1384] = {6291, 13, MA_SH_NAME_RUNS}, /* update-shells */
	[1385] = {1049, 5, MA_SH_NAME_RUNS}, /* cksum */
	[1386] = {6653, 3, MA_SH_NAME_RUNS}, /* zic */
	[1387] = {823, 7, MA_SH_NAME_RUNS}, /* busybox */
	[1388] = {3461, 4, MA_SH_NAME_RUNS}, /* mesg */
	[1390] = {3396, 8, MA_SH_NAME_RUNS}, /* makedevs */
	[1394] = {483, 3, MA_SH_NAME_RUNS}, /* 7za */
	[1395] = {628, 2, MA_SH_NAME_RUNS}, /* ar */
	[1397] = {140, 2, MA_SH_NAME_RESERVED}, /* fi */
	[1398] = {1568, 6, MA_SH_NAME_RUNS}, /* dtrace */
	[1399] = {3531, 9, MA_SH_NAME_RUNS}, /* mkfs.ext2 */
	[1401] = {4908, 6, MA_SH_NAME_RUNS}, /* scalar */
	[1403] = {675, 9, MA_SH_NAME_RUNS}, /* badblocks */
	[1404] = {384, 3, MA_SH_NAME_RUNS}, /* set */
	[1405] = {2386, 5, MA_SH_NAME_RUNS}, /* grpck */
	[1406] = {4353, 8, MA_SH_NAME_RUNS}, /* ptardiff */
	[1407] = {50, 7, MA_SH_NAME_PREFIX}, /* sshpass */
	[1408] = {6194, 8, MA_SH_NAME_RUNS}, /* unexpand */
	[1409] = {4156, 6, MA_SH_NAME_RUNS}, /* pkexec */
	[1415] = {3646, 10, MA_SH_NAME_RUNS}, /* mountpoint */
	[1416] = {2846, 10, MA_SH_NAME_RUNS}, /* journalctl */
	[1417] = {4765, 6, MA_SH_NAME_RUNS}, /* routel */
	[1418] = {6261, 19, MA_SH_NAME_RUNS}, /* update-alternatives */
	[1419] = {2316, 3, MA_SH_NAME_RUNS}, /* gpg */
	[1420] = {4970, 7, MA_SH_NAME_RUNS}, /* service */
	[1421] = {2142, 7, MA_SH_NAME_RUNS}, /* getconf */
	[1426] = {945, 3, MA_SH_NAME_RUNS}, /* cat */
	[1427] = {4177, 5, MA_SH_NAME_RUNS}, /* pl2pm */
	[1432] = {2694, 6, MA_SH_NAME_RUNS}, /* iostat */
	[1433] = {1335, 4, MA_SH_NAME_RUNS}, /* diff */
	[1436] = {39, 5, MA_SH_NAME_PREFIX}, /* nohup */
	[1437] = {570, 9, MA_SH_NAME_RUNS}, /* apt-cache */
	[1438] = {1825, 8, MA_SH_NAME_RUNS}, /* fbsplash */
	[1439] = {2467, 7, MA_SH_NAME_RUNS}, /* hexdump */
	[1440] = {2809, 3, MA_SH_NAME_RUNS}, /* irb */
	[1441] = {3252, 5, MA_SH_NAME_RUNS}, /* lsmem */
	[1442] = {3942, 9, MA_SH_NAME_RUNS}, /* partprobe */
	[1443] = {643, 4, MA_SH_NAME_RUNS}, /* arpd */
	[1448] = {225, 6, MA_SH_NAME_RUNS}, /* coproc */
	[1449] = {4842, 6, MA_SH_NAME_RUNS}, /* runghc */
	[1450] = {5308, 10, MA_SH_NAME_RUNS}, /* ssl_client */
	[1451] = {162, 1, MA_SH_NAME_RUNS}, /* . */
	[1452] = {6588, 3, MA_SH_NAME_RUNS}, /* yes */
	[1453] = {242, 6, MA_SH_NAME_RUNS}, /* disown */
	[1454] = {5993, 4, MA_SH_NAME_RUNS}, /* tftp */
	[1456] = {6110, 6, MA_SH_NAME_RUNS}, /* tunctl */
	[1457] = {2711, 6, MA_SH_NAME_RUNS}, /* ipaddr */
	[1460] = {155, 6, MA_SH_NAME_RESERVED}, /* select */
	[1461] = {6591, 12, MA_SH_NAME_RUNS}, /* ypdomainname */
	[1465] = {3035, 8, MA_SH_NAME_RUNS}, /* lessecho */
	[1467] = {2589, 8, MA_SH_NAME_RUNS}, /* ifconfig */
	[1468] = {2728, 8, MA_SH_NAME_RUNS}, /* ipconfig */
	[1470] = {128, 4, MA_SH_NAME_RESERVED}, /* case */
	[1471] = {2166, 3, MA_SH_NAME_RUNS}, /* ghc */
	[1474] = {2294, 15, MA_SH_NAME_RUNS}, /* gp-display-text */
	[1475] = {6123, 8, MA_SH_NAME_RUNS}, /* tzselect */
	[1477] = {2237, 4, MA_SH_NAME_RUNS}, /* gold */
	[1482] = {3992, 4, MA_SH_NAME_RUNS}, /* pdb3 */
	[1485] = {3985, 7, MA_SH_NAME_RUNS}, /* pbpaste */
	[1486] = {6091, 4, MA_SH_NAME_RUNS}, /* tset */
	[1489] = {5801, 20, MA_SH_NAME_RUNS}, /* systemd-stdio-bridge */
	[1498] = {44, 6, MA_SH_NAME_PREFIX}, /* setsid */
	[1500] = {6527, 3, MA_SH_NAME_RUNS}, /* xxd */
	[1501] = {3819, 6, MA_SH_NAME_RUNS}, /* nodejs */
	[1502] = {3805, 4, MA_SH_NAME_RUNS}, /* nmap */
	[1503] = {4133, 13, MA_SH_NAME_RUNS}, /* pipe_progress */
	[1505] = {620, 8, MA_SH_NAME_RUNS}, /* aptitude */
	[1506] = {6464, 5, MA_SH_NAME_RUNS}, /* which */
	[1512] = {4618, 7, MA_SH_NAME_RUNS}, /* readelf */
	[1515] = {1084, 5, MA_SH_NAME_RUNS}, /* clisp */
	[1517] = {900, 3, MA_SH_NAME_RUNS}, /* c++ */
	[1518] = {5099, 9, MA_SH_NAME_RUNS}, /* sha384sum */
	[1519] = {6608, 4, MA_SH_NAME_RUNS}, /* zcat */
	[1520] = {1248, 2, MA_SH_NAME_RUNS}, /* dc */
	[1522] = {3312, 6, MA_SH_NAME_RUNS}, /* lua5.3 */
	[1523] = {4372, 4, MA_SH_NAME_RUNS}, /* pwck */
	[1524] = {6749, 8, MA_SH_NAME_RUNS}, /* zstdless */
	[1525] = {1908, 6, MA_SH_NAME_RUNS}, /* finger */
	[1526] = {2831, 5, MA_SH_NAME_RUNS}, /* javac */
	[1528] = {3079, 4, MA_SH_NAME_RUNS}, /* link */
	[1529] = {6171, 2, MA_SH_NAME_RUNS}, /* ul */
	[1530] = {6405, 5, MA_SH_NAME_RUNS}, /* virsh */
	[1532] = {2619, 4, MA_SH_NAME_RUNS}, /* ifup */
	[1534] = {2827, 4, MA_SH_NAME_RUNS}, /* java */
	[1535] = {5425, 9, MA_SH_NAME_RUNS}, /* swaplabel */
	[1536] = {1117, 4, MA_SH_NAME_RUNS}, /* comm */
	[1537] = {6495, 5, MA_SH_NAME_RUNS}, /* whois */
	[1538] = {4917, 6, MA_SH_NAME_RUNS}, /* screen */
	[1539] = {3633, 4, MA_SH_NAME_RUNS}, /* mono */
	[1540] = {343, 6, MA_SH_NAME_RUNS}, /* printf */
	[1541] = {84, 7, MA_SH_NAME_PREFIX}, /* timeout */
	[1542] = {433, 7, MA_SH_NAME_RUNS}, /* typeset */
	[1543] = {3333, 3, MA_SH_NAME_RUNS}, /* lz4 */
	[1544] = {2856, 2, MA_SH_NAME_RUNS}, /* jq */
	[1546] = {4581, 6, MA_SH_NAME_RUNS}, /* ranlib */
	[1547] = {1709, 6, MA_SH_NAME_RUNS}, /* emerge */
	[1549] = {4658, 3, MA_SH_NAME_RUNS}, /* red */
	[1551] = {5580, 19, MA_SH_NAME_RUNS}, /* systemd-cryptenroll */
	[1553] = {4333, 6, MA_SH_NAME_RUNS}, /* pstree */
	[1554] = {1615, 6, MA_SH_NAME_RUNS}, /* e2fsck */
	[1555] = {3297, 3, MA_SH_NAME_RUNS}, /* lua */
	[1556] = {4162, 3, MA_SH_NAME_RUNS}, /* pkg */
	[1557] = {5554, 13, MA_SH_NAME_RUNS}, /* systemd-cgtop */
	[1558] = {6656, 3, MA_SH_NAME_RUNS}, /* zip */
	[1560] = {2765, 7, MA_SH_NAME_RUNS}, /* iproute */
	[1562] = {2155, 6, MA_SH_NAME_RUNS}, /* getopt */
	[1563] = {109, 4, MA_SH_NAME_OPENS}, /* then */
	[1564] = {2587, 2, MA_SH_NAME_RUNS}, /* id */
	[1568] = {5009, 11, MA_SH_NAME_RUNS}, /* setkeycodes */
	[1569] = {4652, 6, MA_SH_NAME_RUNS}, /* reboot */
	[1570] = {5182, 8, MA_SH_NAME_RUNS}, /* slattach */
	[1571] = {830, 5, MA_SH_NAME_RUNS}, /* bzcat */
	[1572] = {6521, 6, MA_SH_NAME_RUNS}, /* xsubpp */
	[1575] = {5940, 5, MA_SH_NAME_RUNS}, /* tclsh */
	[1577] = {2487, 6, MA_SH_NAME_RUNS}, /* hostid */
	[1580] = {6366, 7, MA_SH_NAME_RUNS}, /* vconfig */
	[1583] = {6532, 5, MA_SH_NAME_RUNS}, /* xzcat */
	[1585] = {2702, 9, MA_SH_NAME_RUNS}, /* ip6tables */
	[1586] = {440, 6, MA_SH_NAME_RUNS}, /* ulimit */
	[1587] = {6202, 4, MA_SH_NAME_RUNS}, /* uniq */
	[1595] = {429, 4, MA_SH_NAME_RUNS}, /* type */
	[1596] = {354, 3, MA_SH_NAME_RUNS}, /* pwd */
	[1597] = {1311, 7, MA_SH_NAME_RUNS}, /* devlink */
	[1598] = {1895, 6, MA_SH_NAME_RUNS}, /* findfs */
	[1601] = {4782, 5, MA_SH_NAME_RUNS}, /* rsync */
	[1602] = {4349, 4, MA_SH_NAME_RUNS}, /* ptar */
	[1603] = {5662, 13, MA_SH_NAME_RUNS}, /* systemd-id128 */
	[1604] = {3097, 7, MA_SH_NAME_RUNS}, /* linuxrc */
	[1605] = {5753, 14, MA_SH_NAME_RUNS}, /* systemd-repart */
	[1606] = {153, 2, MA_SH_NAME_RESERVED}, /* in */
	[1607] = {4445, 6, MA_SH_NAME_RUNS}, /* python */
	[1608] = {5154, 4, MA_SH_NAME_RUNS}, /* shuf */
	[1609] = {4670, 12, MA_SH_NAME_RUNS}, /* remove-shell */
	[1610] = {5821, 14, MA_SH_NAME_RUNS}, /* systemd-sysext */
	[1611] = {5897, 14, MA_SH_NAME_RUNS}, /* systemd-umount */
	[1613] = {3681, 5, MA_SH_NAME_RUNS}, /* namei */
	[1614] = {3185, 4, MA_SH_NAME_RUNS}, /* look */
	[1615] = {5376, 4, MA_SH_NAME_RUNS}, /* stty */
	[1617] = {762, 10, MA_SH_NAME_RUNS}, /* bootchartd */
	[1620] = {3106, 6, MA_SH_NAME_RUNS}, /* lnstat */
	[1622] = {6153, 6, MA_SH_NAME_RUNS}, /* udhcpd */
	[1624] = {554, 7, MA_SH_NAME_RUNS}, /* anacron */
	[1628] = {655, 3, MA_SH_NAME_RUNS}, /* ash */
	[1632] = {1592, 10, MA_SH_NAME_RUNS}, /* dumpleases */
	[1633] = {6089, 2, MA_SH_NAME_RUNS}, /* ts */
	[1634] = {2745, 6, MA_SH_NAME_RUNS}, /* iplink */
	[1635] = {1233, 4, MA_SH_NAME_RUNS}, /* curl */
	[1636] = {3066, 4, MA_SH_NAME_RUNS}, /* lftp */
	[1637] = {4474, 10, MA_SH_NAME_RUNS}, /* python3.10 */
	[1638] = {5212, 5, MA_SH_NAME_RUNS}, /* snice */
	[1639] = {6336, 6, MA_SH_NAME_RUNS}, /* usleep */
	[1640] = {305, 4, MA_SH_NAME_RUNS}, /* jobs */
	[1641] = {704, 6, MA_SH_NAME_RUNS}, /* basenc */
	[1642] = {5741, 12, MA_SH_NAME_RUNS}, /* systemd-path */
	[1643] = {2416, 4, MA_SH_NAME_RUNS}, /* guix */
	[1644] = {6131, 9, MA_SH_NAME_RUNS}, /* uclampset */
	[1645] = {3672, 4, MA_SH_NAME_RUNS}, /* mutt */
	[1646] = {630, 4, MA_SH_NAME_RUNS}, /* arch */
	[1652] = {1100, 6, MA_SH_NAME_RUNS}, /* colcrt */
	[1653] = {3669, 3, MA_SH_NAME_RUNS}, /* mtr */
	[1655] = {3020, 8, MA_SH_NAME_RUNS}, /* ldconfig */
	[1658] = {3404, 8, MA_SH_NAME_RUNS}, /* makemime */
	[1659] = {3733, 6, MA_SH_NAME_RUNS}, /* netcat */
	[1662] = {3171, 7, MA_SH_NAME_RUNS}, /* logname */
	[1663] = {4262, 4, MA_SH_NAME_RUNS}, /* port */
	[1664] = {298, 7, MA_SH_NAME_RUNS}, /* history */
	[1666] = {2661, 13, MA_SH_NAME_RUNS}, /* installkernel */
	[1669] = {4204, 8, MA_SH_NAME_RUNS}, /* pod2html */
	[1670] = {4774, 8, MA_SH_NAME_RUNS}, /* rpm2cpio */
	[1673] = {231, 7, MA_SH_NAME_RUNS}, /* declare */
	[1674] = {265, 4, MA_SH_NAME_RUNS}, /* eval */
	[1675] = {6095, 5, MA_SH_NAME_RUNS}, /* tsort */
	[1676] = {3178, 7, MA_SH_NAME_RUNS}, /* logread */
	[1677] = {6453, 4, MA_SH_NAME_RUNS}, /* wget */
	[1683] = {6391, 3, MA_SH_NAME_RUNS}, /* vim */
	[1684] = {176, 2, MA_SH_NAME_RUNS}, /* bg */
	[1687] = {4404, 9, MA_SH_NAME_RUNS}, /* pydoc3.11 */
	[1688] = {4903, 5, MA_SH_NAME_RUNS}, /* scala */
	[1690] = {6032, 3, MA_SH_NAME_RUNS}, /* top */
	[1691] = {2758, 7, MA_SH_NAME_RUNS}, /* ipneigh */
	[1692] = {6429, 4, MA_SH_NAME_RUNS}, /* wall */
	[1693] = {2983, 9, MA_SH_NAME_RUNS}, /* launchctl */
	[1694] = {2843, 3, MA_SH_NAME_RUNS}, /* jot */
	[1695] = {2172, 16, MA_SH_NAME_RUNS}, /* git-receive-pack */
	[1699] = {4172, 5, MA_SH_NAME_RUNS}, /* pkill */
	[1700] = {2949, 5, MA_SH_NAME_RUNS}, /* ksh93 */
	[1704] = {5166, 4, MA_SH_NAME_RUNS}, /* size */
	[1706] = {2623, 5, MA_SH_NAME_RUNS}, /* inetd */
	[1709] = {5195, 6, MA_SH_NAME_RUNS}, /* slogin */
	[1710] = {710, 4, MA_SH_NAME_RUNS}, /* bash */
	[1712] = {29, 6, MA_SH_NAME_PREFIX}, /* ionice */
	[1713] = {1670, 7, MA_SH_NAME_RUNS}, /* e4crypt */
	[1714] = {6231, 7, MA_SH_NAME_RUNS}, /* unshare */
	[1715] = {5380, 2, MA_SH_NAME_RUNS}, /* su */
	[1716] = {3602, 4, MA_SH_NAME_RUNS}, /* mksh */
	[1720] = {803, 7, MA_SH_NAME_RUNS}, /* bundler */
	[1721] = {1918, 7, MA_SH_NAME_RUNS}, /* flatpak */
	[1722] = {3979, 6, MA_SH_NAME_RUNS}, /* pbcopy */
	[1723] = {4451, 7, MA_SH_NAME_RUNS}, /* python2 */
	[1724] = {327, 7, MA_SH_NAME_RUNS}, /* mapfile */
	[1725] = {2648, 6, MA_SH_NAME_RUNS}, /* insmod */
	[1726] = {3540, 9, MA_SH_NAME_RUNS}, /* mkfs.ext3 */
	[1727] = {1687, 5, MA_SH_NAME_RUNS}, /* egrep */
	[1728] = {3858, 5, MA_SH_NAME_RUNS}, /* nstat */
	[1729] = {1628, 7, MA_SH_NAME_RUNS}, /* e2label */
	[1730] = {5390, 7, MA_SH_NAME_RUNS}, /* sulogin */
	[1731] = {6238, 4, MA_SH_NAME_RUNS}, /* unxz */
	[1733] = {4059, 5, MA_SH_NAME_RUNS}, /* pgrep */
	[1736] = {2879, 7, MA_SH_NAME_RUNS}, /* json_pp */
	[1738] = {696, 8, MA_SH_NAME_RUNS}, /* basename */
	[1740] = {3713, 4, MA_SH_NAME_RUNS}, /* nawk */
	[1741] = {403, 6, MA_SH_NAME_RUNS}, /* source */
	[1743] = {124, 2, MA_SH_NAME_RESERVED}, /* [[ */
	[1747] = {2380, 6, MA_SH_NAME_RUNS}, /* groups */
	[1752] = {2992, 2, MA_SH_NAME_RUNS}, /* ld */
	[1753] = {3676, 2, MA_SH_NAME_RUNS}, /* mv */
	[1754] = {3746, 10, MA_SH_NAME_RUNS}, /* networkctl */
	[1755] = {4741, 2, MA_SH_NAME_RUNS}, /* rm */
	[1759] = {5511, 20, MA_SH_NAME_RUNS}, /* systemd-ask-password */
	[1762] = {4369, 3, MA_SH_NAME_RUNS}, /* ptx */
	[1764] = {187, 6, MA_SH_NAME_RUNS}, /* caller */
	[1768] = {4035, 7, MA_SH_NAME_RUNS}, /* perldoc */
	[1772] = {4633, 11, MA_SH_NAME_RUNS}, /* readprofile */
	[1773] = {1787, 7, MA_SH_NAME_RUNS}, /* faillog */
	[1774] = {6377, 4, MA_SH_NAME_RUNS}, /* vdpa */
	[1776] = {4815, 8, MA_SH_NAME_RUNS}, /* run-init */
	[1780] = {4382, 4, MA_SH_NAME_RUNS}, /* pwdx */
	[1783] = {2088, 13, MA_SH_NAME_RUNS}, /* gcc-ranlib-12 */
	[1785] = {2723, 5, MA_SH_NAME_RUNS}, /* ipcmk */
	[1788] = {132, 4, MA_SH_NAME_RESERVED}, /* done */
	[1789] = {2355, 8, MA_SH_NAME_RUNS}, /* groupdel */
	[1790] = {4284, 8, MA_SH_NAME_RUNS}, /* powertop */
	[1793] = {1840, 8, MA_SH_NAME_RUNS}, /* fdformat */
	[1794] = {3104, 2, MA_SH_NAME_RUNS}, /* ln */
	[1801] = {4923, 6, MA_SH_NAME_RUNS}, /* script */
	[1804] = {4314, 7, MA_SH_NAME_RUNS}, /* prtstat */
	[1807] = {3345, 8, MA_SH_NAME_RUNS}, /* lzmainfo */
	[1808] = {653, 2, MA_SH_NAME_RUNS}, /* as */
	[1814] = {3205, 2, MA_SH_NAME_RUNS}, /* ls */
	[1815] = {1759, 6, MA_SH_NAME_RUNS}, /* expand */
	[1816] = {2920, 8, MA_SH_NAME_RUNS}, /* killall5 */
	[1818] = {2683, 11, MA_SH_NAME_RUNS}, /* invoke-rc.d */
	[1819] = {3612, 6, MA_SH_NAME_RUNS}, /* mktemp */
	[1820] = {3717, 10, MA_SH_NAME_RUNS}, /* nbd-client */
	[1821] = {2644, 4, MA_SH_NAME_RUNS}, /* init */
	[1823] = {1820, 5, MA_SH_NAME_RUNS}, /* fbset */
	[1826] = {5046, 7, MA_SH_NAME_RUNS}, /* setterm */
	[1827] = {6247, 8, MA_SH_NAME_RUNS}, /* unzipsfx */
	[1828] = {6727, 3, MA_SH_NAME_RUNS}, /* zsh */
	[1829] = {2435, 4, MA_SH_NAME_RUNS}, /* h2ph */
	[1831] = {1066, 5, MA_SH_NAME_RUNS}, /* clear */
	[1832] = {3502, 6, MA_SH_NAME_RUNS}, /* mkfifo */
	[1833] = {5835, 16, MA_SH_NAME_RUNS}, /* systemd-sysusers */
	[1834] = {6734, 7, MA_SH_NAME_RUNS}, /* zstdcat */
	[1839] = {4587, 4, MA_SH_NAME_RUNS}, /* rarp */
	[1842] = {2331, 6, MA_SH_NAME_RUNS}, /* gradle */
	[1843] = {3594, 8, MA_SH_NAME_RUNS}, /* mkpasswd */
	[1844] = {1359, 7, MA_SH_NAME_RUNS}, /* dirname */
	[1845] = {4323, 5, MA_SH_NAME_RUNS}, /* pscan */
	[1850] = {3318, 6, MA_SH_NAME_RUNS}, /* lua5.4 */
	[1851] = {1153, 4, MA_SH_NAME_RUNS}, /* cpio */
	[1852] = {5231, 4, MA_SH_NAME_RUNS}, /* sort */
	[1855] = {2567, 4, MA_SH_NAME_RUNS}, /* i386 */
	[1856] = {6691, 7, MA_SH_NAME_RUNS}, /* zipnote */
	[1859] = {3770, 3, MA_SH_NAME_RUNS}, /* nft */
	[1860] = {6084, 5, MA_SH_NAME_RUNS}, /* truss */
	[1861] = {1535, 17, MA_SH_NAME_RUNS}, /* dpkg-statoverride */
	[1864] = {2447, 8, MA_SH_NAME_RUNS}, /* hardlink */
	[1865] = {4227, 9, MA_SH_NAME_RUNS}, /* pod2usage */
	[1872] = {1407, 8, MA_SH_NAME_RUNS}, /* dos2unix */
	[1878] = {425, 4, MA_SH_NAME_RUNS}, /* trap */
	[1879] = {6055, 10, MA_SH_NAME_RUNS}, /* traceroute */
	[1882] = {370, 8, MA_SH_NAME_RUNS}, /* readonly */
	[1883] = {4294, 8, MA_SH_NAME_RUNS}, /* printenv */
	[1884] = {5965, 7, MA_SH_NAME_RUNS}, /* telinit */
	[1887] = {1374, 4, MA_SH_NAME_RUNS}, /* dnsd */
	[1888] = {487, 7, MA_SH_NAME_RUNS}, /* Rscript */
	[1889] = {3213, 5, MA_SH_NAME_RUNS}, /* lsblk */
	[1890] = {5170, 5, MA_SH_NAME_RUNS}, /* skill */
	[1892] = {1225, 8, MA_SH_NAME_RUNS}, /* cttyhack */
	[1899] = {1677, 8, MA_SH_NAME_RUNS}, /* e4defrag */
	[1900] = {1397, 10, MA_SH_NAME_RUNS}, /* domainname */
	[1901] = {3083, 7, MA_SH_NAME_RUNS}, /* linux32 */
	[1902] = {1993, 8, MA_SH_NAME_RUNS}, /* fsfreeze */
	[1903] = {2820, 7, MA_SH_NAME_RUNS}, /* isosize */
	[1904] = {3152, 6, MA_SH_NAME_RUNS}, /* logger */
	[1905] = {4386, 4, MA_SH_NAME_RUNS}, /* pwsh */
	[1907] = {3227, 5, MA_SH_NAME_RUNS}, /* lsipc */
	[1908] = {6103, 7, MA_SH_NAME_RUNS}, /* ttysize */
	[1909] = {5355, 9, MA_SH_NAME_RUNS}, /* streamzip */
	[1913] = {6383, 4, MA_SH_NAME_RUNS}, /* view */
	[1915] = {3871, 6, MA_SH_NAME_RUNS}, /* numfmt */
	[1916] = {4760, 5, MA_SH_NAME_RUNS}, /* route */
	[1917] = {5851, 16, MA_SH_NAME_RUNS}, /* systemd-tmpfiles */
	[1919] = {5418, 7, MA_SH_NAME_RUNS}, /* sw_vers */
	[1921] = {5371, 5, MA_SH_NAME_RUNS}, /* strip */
	[1923] = {2024, 3, MA_SH_NAME_RUNS}, /* ftp */
	[1925] = {6076, 8, MA_SH_NAME_RUNS}, /* truncate */
	[1927] = {5142, 7, MA_SH_NAME_RUNS}, /* showkey */
	[1929] = {2483, 4, MA_SH_NAME_RUNS}, /* host */
	[1930] = {1692, 5, MA_SH_NAME_RUNS}, /* eject */
	[1932] = {5276, 11, MA_SH_NAME_RUNS}, /* ssh-copy-id */
	[1933] = {3902, 4, MA_SH_NAME_RUNS}, /* open */
	[1934] = {1253, 2, MA_SH_NAME_RUNS}, /* dd */
	[1936] = {684, 6, MA_SH_NAME_RUNS}, /* base32 */
	[1940] = {3900, 2, MA_SH_NAME_RUNS}, /* od */
	[1941] = {4042, 7, MA_SH_NAME_RUNS}, /* perlivp */
	[1943] = {4078, 4, MA_SH_NAME_RUNS}, /* php7 */
	[1953] = {5217, 5, MA_SH_NAME_RUNS}, /* socat */
	[1956] = {940, 5, MA_SH_NAME_RUNS}, /* cargo */
	[1961] = {4309, 5, MA_SH_NAME_RUNS}, /* prove */
	[1962] = {4484, 10, MA_SH_NAME_RUNS}, /* python3.11 */
	[1965] = {4951, 5, MA_SH_NAME_RUNS}, /* sdiff */
	[1968] = {4914, 3, MA_SH_NAME_RUNS}, /* scp */
	[1973] = {1054, 5, MA_SH_NAME_RUNS}, /* clang */
	[1974] = {349, 5, MA_SH_NAME_RUNS}, /* pushd */
	[1975] = {4559, 5, MA_SH_NAME_RUNS}, /* pzstd */
	[1977] = {2556, 11, MA_SH_NAME_RUNS}, /* i2ctransfer */
	[1978] = {3840, 3, MA_SH_NAME_RUNS}, /* npx */
	[1979] = {4514, 9, MA_SH_NAME_RUNS}, /* python3.5 */
	[1981] = {2812, 8, MA_SH_NAME_RUNS}, /* ischroot */
	[1982] = {2319, 5, MA_SH_NAME_RUNS}, /* gprof */
	[1984] = {6730, 4, MA_SH_NAME_RUNS}, /* zstd */
	[1994] = {1157, 6, MA_SH_NAME_RUNS}, /* cpp-12 */
	[1996] = {4805, 6, MA_SH_NAME_RUNS}, /* rtstat */
	[2002] = {2935, 5, MA_SH_NAME_RUNS}, /* klogd */
	[2005] = {3972, 7, MA_SH_NAME_RUNS}, /* pathchk */
	[2007] = {1858, 9, MA_SH_NAME_RUNS}, /* fgconsole */
	[2011] = {3934, 8, MA_SH_NAME_RUNS}, /* parallel */
	[2013] = {126, 2, MA_SH_NAME_RESERVED}, /* ]] */
	[2014] = {463, 4, MA_SH_NAME_RUNS}, /* wait */
	[2015] = {579, 9, MA_SH_NAME_RUNS}, /* apt-cdrom */
	[2016] = {1007, 5, MA_SH_NAME_RUNS}, /* chmod */
	[2017] = {178, 4, MA_SH_NAME_RUNS}, /* bind */
	[2018] = {4440, 5, MA_SH_NAME_RUNS}, /* pypy3 */
	[2020] = {3266, 4, MA_SH_NAME_RUNS}, /* lsof */
	[2021] = {6226, 5, MA_SH_NAME_RUNS}, /* unrar */
	[2022] = {6720, 7, MA_SH_NAME_RUNS}, /* zramctl */
	[2028] = {2439, 4, MA_SH_NAME_RUNS}, /* h2xs */
	[2029] = {3435, 6, MA_SH_NAME_RUNS}, /* md5sum */
	[2033] = {3928, 6, MA_SH_NAME_RUNS}, /* pacman */
	[2034] = {4246, 6, MA_SH_NAME_RUNS}, /* podman */
	[2035] = {5929, 6, MA_SH_NAME_RUNS}, /* tarcat */
	[2038] = {4899, 4, MA_SH_NAME_RUNS}, /* sbcl */
	[2042] = {145, 8, MA_SH_NAME_RESERVED}, /* function */
	[2043] = {1097, 3, MA_SH_NAME_RUNS}, /* col */
	[2046] = {6242, 5, MA_SH_NAME_RUNS}, /* unzip */
};
/* clang-format on */
