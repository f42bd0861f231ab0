/*
 * ma_shell_names_tab.h -- written by scripts/gen_shell_names.py from the
 * five name lists of ma_shell_names.c; do not edit: change the lists and
 * run python3 scripts/gen_shell_names.py (make agent-lint checks it).
 * 1064 names, 2048 slots, longest probe run 7, 1547 probes for all.
 * Included by ma_shell_names.c only.
 */
/* clang-format off */
#define MA_SH_NAMES_COUNT 1064
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
	"builtinchrtcommanddoasenvexecionicenicenohupsetsidstdbufstracesudotasksettime"
	"timeoutxargs!doelifelseifthenuntilwhile{[[]]casedoneesacfiforfunctioninselect}."
	"aliasautoloadbgbindbreakcallercdcompgencompletecompoptcontinuecoprocdeclaredirs"
	"disownechoemulateenableevalexitexportfcfggetoptshashhelphistoryjobskillletlocal"
	"logoutmapfilepopdprintprintfpushdpwdreadreadarrayreadonlyreturnsetsetoptshift"
	"shoptsourcesuspendtesttimestraptypetypesetulimitumaskunaliasunsetwaitwhence"
	"zmodload7z7zaRRscript[acpidadd-shelladdgroupaddpartaddr2lineadduseradjtimex"
	"agettyanacronantapkaptapt-cacheapt-cdromapt-configapt-getapt-keyapt-markaptitude"
	"ararcharia2carparpdarpingasashatatqatrmawkb2sumbadblocksbase32base64basename"
	"basencbashbashbugbatchbcbeepblkdiscardblkidblkzoneblockdevbootchartdbrctlbrew"
	"bridgebuildahbunbundlebundlerbunzip2busctlbusyboxbzcatbzcmpbzdiffbzegrepbzexe"
	"bzfgrepbzgrepbzip2bzip2recoverbzlessbzmorec++c++filtc_rehashcabextractcal"
	"captoinfocargocatccchagechatchattrchconchcpuchfnchgpasswdchgrpchkconfigchmem"
	"chmodchoomchownchpasswdchpstchrootchshchvtcksumclangclang++clearclear_console"
	"clispcmakecmpcolcolcrtcolrmcolumncommcomposerconspycorelistcpcpancpgrcpiocpp-12"
	"cppwcrc32crictlcrondcrontabcryptpwcshcsplitctrctrlaltdelctstatcttyhackcurlcut"
	"dashdatedcdcbdddeallocvtdebugfsdefaultsdelgroupdelpartdeluserdenodepmoddevlink"
	"devmemdfdhcprelaydiffdiff3digdirdircolorsdirnamedmesgdnfdnsddnsdomainnamedocker"
	"domainnamedos2unixdotnetdpkgdpkg-debdpkg-divertdpkg-fsys-usrunmess"
	"dpkg-maintscript-helperdpkg-querydpkg-realpathdpkg-reconfiguredpkg-split"
	"dpkg-statoverridedpkg-triggerdscldtracedudumpe2fsdumpkmapdumpleasesdwpe2freefrag"
	"e2fscke2imagee2labele2mmpstatuse2scrube2scrub_alle2undoe4crypte4defragedegrep"
	"ejectelfeditemacsemergeenc2xsencguessenvdirenvuidgiderbether-wakeexexpandexpect"
	"expiryexprfactorfaillogfakeidentdfallocatefatattrfbsetfbsplashfdflushfdformat"
	"fdiskfetchfgconsolefgrepfilefilefragfincorefindfindfsfindmntfingerfishflatpak"
	"flockfmtfoldfreefsckfsck.cramfsfsck.ext2fsck.ext3fsck.ext4fsck.minixfsfreeze"
	"fstab-decodefstrimfsyncftpftpdftpgetftpputfunzipfuserg++gawkgccgcc-12gcc-ar-12"
	"gcc-nm-12gcc-ranlib-12gcov-12gcov-dump-12gcov-tool-12gdbgemgenlgetconfgetent"
	"getoptgettyghcgitgit-receive-packgit-shellgit-upload-archivegit-upload-packgmake"
	"gogoldgp-archivegp-collect-appgp-display-htmlgp-display-srcgp-display-text"
	"gpasswdgpggprofgprofnggradlegrepgroovygroupaddgroupdelgroupmemsgroupmodgroups"
	"grpckgrpconvgrpunconvgsedguileguixgunzipgzexegziph2phh2xshalthardlinkhdhdparm"
	"headhexdumphexedithghosthostidhostnamehostnamectlhttpdhushhwclocki2cdetect"
	"i2cdumpi2cgeti2cseti2ctransferi386iconviconvconfigidifconfigifdownifenslave"
	"ifplugdifupinetdinfocmpinfotocapinitinsmodinstallinstallkernelinstmodsh"
	"invoke-rc.diostatipip6tablesipaddripcalcipcmkipconfigipcrmipcsiplinkipmaddr"
	"ipneighiprouteipruleiptablesiptunnelipythonipython3irbischrootisosizejavajavac"
	"joejoinjotjournalctljqjrubyjrunscriptjshelljson_ppjuliakbd_modekernel-install"
	"killallkillall5kldloadklogdkotlinkshksh93ktracekubectllastlastblastloglaunchctl"
	"ldld.bfdld.goldld.soldattachldconfiglddlesslessecholessfilelesskeylesspipelftp"
	"libnetcfglinklinux32linux64linuxrclnlnstatloadfontloadkmaplocalelocalectl"
	"localedefloggerloginloginctllognamelogreadlooklosetuplpdlpqlprlslsattrlsblklscpu"
	"lsfdlsipclsirqlslockslsloginslsmemlsmodlsnslsoflspcilsscsilsusblto-dump-12lua"
	"lua5.1lua5.2lua5.3lua5.4luajitlxclz4lzcatlzmalzmainfolzopmailmailxmake"
	"make-first-existing-targetmakedevsmakemimemanmawkmceditmcookiemd5md5sum"
	"md5sum.textutilsmdevmesgmicrocommii-toolmimmkdirmkdosfsmke2fsmkfifomkfsmkfs.bfs"
	"mkfs.cramfsmkfs.ext2mkfs.ext3mkfs.ext4mkfs.minixmkfs.vfatmklost+foundmknod"
	"mkpasswdmkshmkswapmktempmodinfomodprobemonomoremountmountpointmpstatmsmtpmtmtr"
	"muttmvmvnnameinameifnanddumpnandwritenanonawknbd-clientncncatnetcatnetstat"
	"networkctlnewgrpnewusersnftninjanisdomainnamenixnix-envnlnmnmapnmeternodenodejs"
	"nologinnpmnprocnpxnsenternslookupnstatntpdnukenumfmtnvimobjcopyobjdumpocamlod"
	"openopensslopenvtosascriptpacmanparallelpartprobepartxpasswdpastepatchpathchk"
	"pbcopypbpastepdb3pdb3.11pdkshpeekfdperlperl5.36.0perlbugperldocperlivpperlthanks"
	"pgrepphpphp-cgiphp5php7php8picopiconvpidofpidwaitpigzpingping6pinkypippip3"
	"pipe_progresspivot_rootpkexecpkgpkg_addpkillpl2pmplddplipconfigpmappnpmpod2html"
	"pod2manpod2textpod2usagepodcheckerpodmanpopmaildirportpoweroffpowershellpowertop"
	"prprintenvprlimitproveprtstatpspscanpslogpstreepstree.x11ptarptardiffptargrepptx"
	"pwckpwconvpwdxpwshpwunconvpydoc3pydoc3.11pygettext3pygettext3.11pypypypy3python"
	"python2python2.7python3python3.10python3.11python3.12python3.13python3.5"
	"python3.6python3.7python3.8python3.9pzstdracketraidautorunranlibrarprbashrdate"
	"rdevrdmareadaheadreadelfreadlinkreadprofilerealpathrebootredreformime"
	"remove-shellrename.ulreniceresetresizeresize2fsresizepartresumerevrgreprmrmdir"
	"rmmodrmt-tarrouteroutelrpmrpm2cpiorsyncrtacctrtcwakertmonrtstatrubyrun-init"
	"run-partsruncrunconrunghcrunlevelrunsvrunsvdirrunuserrustcrxs-nailsavelogsaysbcl"
	"scalascalarscpscreenscriptscriptlivescriptreplaysdiffsedsendmailseqservice"
	"setarchsetconsolesetfattrsetfontsetkeycodessetlogconssetprivsetserialsetterm"
	"setuidgidsftpsgshsha1sha1sumsha224sumsha256sumsha384sumsha3sumsha512sum"
	"shadowconfigshasumshowkeyshredshufshutdownsizeskillslabtopslattachsleepslogin"
	"smemcapsnapsnicesocatsoftlimitsortsplainsplitsssshssh-addssh-agentssh-argv0"
	"ssh-copy-idssh-keygenssh-keyscanssl_clientstart-stop-daemonstatstrace-log-merge"
	"streamzipstringsstripsttysusudoeditsuloginsumsvsvcsvlogdsvnsvoksw_versswaplabel"
	"swapoffswaponswiftswitch_rootsyncsysctlsyslogdsystemctlsystemdsystemd-analyze"
	"systemd-ask-passwordsystemd-catsystemd-cglssystemd-cgtopsystemd-creds"
	"systemd-cryptenrollsystemd-deltasystemd-detect-virtsystemd-escape"
	"systemd-firstbootsystemd-id128systemd-inhibitsystemd-machine-id-setup"
	"systemd-mountsystemd-notifysystemd-pathsystemd-repartsystemd-run"
	"systemd-socket-activatesystemd-stdio-bridgesystemd-sysextsystemd-sysusers"
	"systemd-tmpfilessystemd-tty-ask-password-agentsystemd-umounttabstactailtalktar"
	"tarcattctcctclshtcpdumptcpsvdtcshteetelinittelnettelnetdtempfiletftptftpdtic"
	"timedatectltipctloadtmuxtoetoptouchtputtrtracepathtraceroutetraceroute6truncate"
	"trusststsettsortttyttysizetunctltune2fstzselectuclampsetudhcpcudhcpc6udhcpd"
	"udpsvdueventulumountunameuncompressunexpanduniqunix2dosunlinkunlzmaunrarunshare"
	"unxzunzipunzipsfxunzstdupdate-alternativesupdate-rc.dupdate-shellsuptimeuseradd"
	"userdelusermodusersusleeputmpdumpuudecodeuuencodevconfigvdirvdpaviviewvigrvim"
	"vimdiffvipwvirshvlockvmstatvolnamewwallwatchwatchdogwcwdctlwgetwhereiswhich"
	"which.debianutilswhowhoamiwhoiswipefswishwritex86_64xsubppxxdxzxzcatxzcmpxzdiff"
	"xzegrepxzfgrepxzgrepxzlessxzmoreyarnyashyesypdomainnameyqyumzcatzcipzcmpzdiff"
	"zdumpzegrepzfgrepzforcezgrepziczipzipcloakzipdetailszipgrepzipinfozipnote"
	"zipsplitzlesszmoreznewzramctlzshzstdzstdcatzstdgrepzstdlesszstdmtzypper";

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
	[2] = {4460, 7, MA_SH_NAME_RUNS}, /* python3 */
	[5] = {66, 7, MA_SH_NAME_PREFIX}, /* taskset */
	[6] = {3542, 9, MA_SH_NAME_RUNS}, /* mkfs.ext4 */
	[7] = {4229, 10, MA_SH_NAME_RUNS}, /* podchecker */
	[8] = {210, 8, MA_SH_NAME_RUNS}, /* continue */
	[9] = {1136, 2, MA_SH_NAME_RUNS}, /* cp */
	[12] = {2474, 2, MA_SH_NAME_RUNS}, /* hg */
	[13] = {5998, 11, MA_SH_NAME_RUNS}, /* timedatectl */
	[16] = {1846, 5, MA_SH_NAME_RUNS}, /* fetch */
	[17] = {2879, 5, MA_SH_NAME_RUNS}, /* julia */
	[18] = {287, 4, MA_SH_NAME_RUNS}, /* help */
	[19] = {2190, 18, MA_SH_NAME_RUNS}, /* git-upload-archive */
	[20] = {5059, 2, MA_SH_NAME_RUNS}, /* sg */
	[21] = {6493, 6, MA_SH_NAME_RUNS}, /* wipefs */
	[22] = {354, 9, MA_SH_NAME_RUNS}, /* readarray */
	[23] = {5456, 4, MA_SH_NAME_RUNS}, /* sync */
	[26] = {474, 2, MA_SH_NAME_RUNS}, /* 7z */
	[29] = {719, 2, MA_SH_NAME_RUNS}, /* bc */
	[30] = {5142, 5, MA_SH_NAME_RUNS}, /* shred */
	[37] = {283, 4, MA_SH_NAME_RUNS}, /* hash */
	[38] = {2510, 4, MA_SH_NAME_RUNS}, /* hush */
	[39] = {3618, 8, MA_SH_NAME_RUNS}, /* modprobe */
	[42] = {3843, 8, MA_SH_NAME_RUNS}, /* nslookup */
	[43] = {6421, 1, MA_SH_NAME_RUNS}, /* w */
	[44] = {1797, 9, MA_SH_NAME_RUNS}, /* fallocate */
	[45] = {6508, 6, MA_SH_NAME_RUNS}, /* x86_64 */
	[46] = {1298, 6, MA_SH_NAME_RUNS}, /* depmod */
	[47] = {3359, 4, MA_SH_NAME_RUNS}, /* make */
	[49] = {3818, 7, MA_SH_NAME_RUNS}, /* nologin */
	[50] = {1502, 16, MA_SH_NAME_RUNS}, /* dpkg-reconfigure */
	[51] = {203, 7, MA_SH_NAME_RUNS}, /* compopt */
	[53] = {1826, 7, MA_SH_NAME_RUNS}, /* fdflush */
	[54] = {3899, 7, MA_SH_NAME_RUNS}, /* openssl */
	[59] = {3255, 4, MA_SH_NAME_RUNS}, /* lsns */
	[62] = {1841, 5, MA_SH_NAME_RUNS}, /* fdisk */
	[65] = {2486, 8, MA_SH_NAME_RUNS}, /* hostname */
	[66] = {3189, 3, MA_SH_NAME_RUNS}, /* lpd */
	[67] = {5215, 9, MA_SH_NAME_RUNS}, /* softlimit */
	[69] = {6018, 4, MA_SH_NAME_RUNS}, /* tmux */
	[70] = {3828, 5, MA_SH_NAME_RUNS}, /* nproc */
	[72] = {266, 6, MA_SH_NAME_RUNS}, /* export */
	[74] = {633, 3, MA_SH_NAME_RUNS}, /* arp */
	[80] = {5393, 2, MA_SH_NAME_RUNS}, /* sv */
	[83] = {2302, 7, MA_SH_NAME_RUNS}, /* gpasswd */
	[92] = {4793, 5, MA_SH_NAME_RUNS}, /* rtmon */
	[95] = {5771, 23, MA_SH_NAME_RUNS}, /* systemd-socket-activate */
	[97] = {4094, 7, MA_SH_NAME_RUNS}, /* pidwait */
	[104] = {135, 3, MA_SH_NAME_RESERVED}, /* for */
	[106] = {4710, 10, MA_SH_NAME_RUNS}, /* resizepart */
	[107] = {3771, 13, MA_SH_NAME_RUNS}, /* nisdomainname */
	[109] = {35, 4, MA_SH_NAME_PREFIX}, /* nice */
	[110] = {6734, 8, MA_SH_NAME_RUNS}, /* zstdgrep */
	[111] = {371, 6, MA_SH_NAME_RUNS}, /* return */
	[112] = {5489, 15, MA_SH_NAME_RUNS}, /* systemd-analyze */
	[114] = {1176, 7, MA_SH_NAME_RUNS}, /* crontab */
	[117] = {2856, 10, MA_SH_NAME_RUNS}, /* jrunscript */
	[119] = {6058, 11, MA_SH_NAME_RUNS}, /* traceroute6 */
	[121] = {3501, 4, MA_SH_NAME_RUNS}, /* mkfs */
	[124] = {1489, 13, MA_SH_NAME_RUNS}, /* dpkg-realpath */
	[125] = {5151, 8, MA_SH_NAME_RUNS}, /* shutdown */
	[126] = {6022, 3, MA_SH_NAME_RUNS}, /* toe */
	[127] = {3350, 4, MA_SH_NAME_RUNS}, /* mail */
	[129] = {188, 7, MA_SH_NAME_RUNS}, /* compgen */
	[132] = {5375, 8, MA_SH_NAME_RUNS}, /* sudoedit */
	[133] = {5978, 8, MA_SH_NAME_RUNS}, /* tempfile */
	[134] = {2024, 6, MA_SH_NAME_RUNS}, /* ftpget */
	[136] = {1171, 5, MA_SH_NAME_RUNS}, /* crond */
	[137] = {2530, 7, MA_SH_NAME_RUNS}, /* i2cdump */
	[141] = {1414, 4, MA_SH_NAME_RUNS}, /* dpkg */
	[142] = {2391, 9, MA_SH_NAME_RUNS}, /* grpunconv */
	[143] = {5938, 7, MA_SH_NAME_RUNS}, /* tcpdump */
	[144] = {6691, 8, MA_SH_NAME_RUNS}, /* zipsplit */
	[149] = {1340, 3, MA_SH_NAME_RUNS}, /* dir */
	[151] = {4139, 10, MA_SH_NAME_RUNS}, /* pivot_root */
	[159] = {4057, 3, MA_SH_NAME_RUNS}, /* php */
	[160] = {1787, 10, MA_SH_NAME_RUNS}, /* fakeidentd */
	[162] = {4874, 2, MA_SH_NAME_RUNS}, /* rx */
	[164] = {774, 6, MA_SH_NAME_RUNS}, /* bridge */
	[165] = {7, 4, MA_SH_NAME_PREFIX}, /* chrt */
	[166] = {790, 6, MA_SH_NAME_RUNS}, /* bundle */
	[167] = {479, 1, MA_SH_NAME_RUNS}, /* R */
	[168] = {2884, 8, MA_SH_NAME_RUNS}, /* kbd_mode */
	[169] = {5194, 7, MA_SH_NAME_RUNS}, /* smemcap */
	[174] = {651, 2, MA_SH_NAME_RUNS}, /* at */
	[175] = {2628, 9, MA_SH_NAME_RUNS}, /* infotocap */
	[178] = {2131, 4, MA_SH_NAME_RUNS}, /* genl */
	[181] = {252, 6, MA_SH_NAME_RUNS}, /* enable */
	[182] = {4854, 8, MA_SH_NAME_RUNS}, /* runsvdir */
	[188] = {2892, 14, MA_SH_NAME_RUNS}, /* kernel-install */
	[189] = {2647, 7, MA_SH_NAME_RUNS}, /* install */
	[190] = {4701, 9, MA_SH_NAME_RUNS}, /* resize2fs */
	[191] = {6139, 7, MA_SH_NAME_RUNS}, /* udhcpc6 */
	[192] = {6303, 7, MA_SH_NAME_RUNS}, /* useradd */
	[193] = {2505, 5, MA_SH_NAME_RUNS}, /* httpd */
	[194] = {6317, 7, MA_SH_NAME_RUNS}, /* usermod */
	[195] = {3808, 4, MA_SH_NAME_RUNS}, /* node */
	[196] = {5945, 6, MA_SH_NAME_RUNS}, /* tcpsvd */
	[199] = {2154, 5, MA_SH_NAME_RUNS}, /* getty */
	[200] = {3230, 7, MA_SH_NAME_RUNS}, /* lslocks */
	[201] = {5067, 7, MA_SH_NAME_RUNS}, /* sha1sum */
	[202] = {2223, 5, MA_SH_NAME_RUNS}, /* gmake */
	[207] = {2521, 9, MA_SH_NAME_RUNS}, /* i2cdetect */
	[208] = {3334, 4, MA_SH_NAME_RUNS}, /* lzma */
	[209] = {4589, 5, MA_SH_NAME_RUNS}, /* rdate */
	[211] = {6403, 5, MA_SH_NAME_RUNS}, /* vlock */
	[213] = {1934, 4, MA_SH_NAME_RUNS}, /* fsck */
	[221] = {106, 5, MA_SH_NAME_OPENS}, /* until */
	[222] = {3063, 9, MA_SH_NAME_RUNS}, /* libnetcfg */
	[223] = {4075, 4, MA_SH_NAME_RUNS}, /* php8 */
	[224] = {6166, 6, MA_SH_NAME_RUNS}, /* umount */
	[225] = {6335, 8, MA_SH_NAME_RUNS}, /* utmpdump */
	[227] = {2244, 14, MA_SH_NAME_RUNS}, /* gp-collect-app */
	[228] = {4684, 6, MA_SH_NAME_RUNS}, /* renice */
	[229] = {4695, 6, MA_SH_NAME_RUNS}, /* resize */
	[230] = {331, 5, MA_SH_NAME_RUNS}, /* print */
	[231] = {1264, 8, MA_SH_NAME_RUNS}, /* defaults */
	[232] = {4932, 12, MA_SH_NAME_RUNS}, /* scriptreplay */
	[236] = {3702, 4, MA_SH_NAME_RUNS}, /* nano */
	[237] = {3192, 3, MA_SH_NAME_RUNS}, /* lpq */
	[238] = {4952, 8, MA_SH_NAME_RUNS}, /* sendmail */
	[239] = {5466, 7, MA_SH_NAME_RUNS}, /* syslogd */
	[240] = {1938, 11, MA_SH_NAME_RUNS}, /* fsck.cramfs */
	[243] = {4487, 10, MA_SH_NAME_RUNS}, /* python3.12 */
	[244] = {4119, 3, MA_SH_NAME_RUNS}, /* pip */
	[246] = {4949, 3, MA_SH_NAME_RUNS}, /* sed */
	[250] = {4114, 5, MA_SH_NAME_RUNS}, /* pinky */
	[253] = {309, 5, MA_SH_NAME_RUNS}, /* local */
	[254] = {1237, 4, MA_SH_NAME_RUNS}, /* date */
	[255] = {3955, 5, MA_SH_NAME_RUNS}, /* paste */
	[256] = {6573, 4, MA_SH_NAME_RUNS}, /* yarn */
	[257] = {4516, 9, MA_SH_NAME_RUNS}, /* python3.6 */
	[258] = {828, 5, MA_SH_NAME_RUNS}, /* bzcmp */
	[259] = {3113, 8, MA_SH_NAME_RUNS}, /* loadkmap */
	[260] = {3434, 16, MA_SH_NAME_RUNS}, /* md5sum.textutils */
	[261] = {6441, 5, MA_SH_NAME_RUNS}, /* wdctl */
	[263] = {3944, 5, MA_SH_NAME_RUNS}, /* partx */
	[264] = {195, 8, MA_SH_NAME_RUNS}, /* complete */
	[265] = {2794, 8, MA_SH_NAME_RUNS}, /* ipython3 */
	[266] = {380, 6, MA_SH_NAME_RUNS}, /* setopt */
	[267] = {4011, 10, MA_SH_NAME_RUNS}, /* perl5.36.0 */
	[268] = {5290, 11, MA_SH_NAME_RUNS}, /* ssh-keyscan */
	[269] = {2933, 6, MA_SH_NAME_RUNS}, /* kotlin */
	[270] = {3888, 5, MA_SH_NAME_RUNS}, /* ocaml */
	[271] = {1064, 13, MA_SH_NAME_RUNS}, /* clear_console */
	[272] = {6530, 5, MA_SH_NAME_RUNS}, /* xzcmp */
	[276] = {1949, 9, MA_SH_NAME_RUNS}, /* fsck.ext2 */
	[278] = {2564, 5, MA_SH_NAME_RUNS}, /* iconv */
	[283] = {306, 3, MA_SH_NAME_RUNS}, /* let */
	[285] = {460, 6, MA_SH_NAME_RUNS}, /* whence */
	[286] = {2771, 8, MA_SH_NAME_RUNS}, /* iptables */
	[287] = {4285, 2, MA_SH_NAME_RUNS}, /* pr */
	[289] = {56, 6, MA_SH_NAME_PREFIX}, /* strace */
	[296] = {6028, 5, MA_SH_NAME_RUNS}, /* touch */
	[306] = {2094, 7, MA_SH_NAME_RUNS}, /* gcov-12 */
	[309] = {557, 3, MA_SH_NAME_RUNS}, /* apk */
	[313] = {3732, 7, MA_SH_NAME_RUNS}, /* netstat */
	[314] = {4321, 5, MA_SH_NAME_RUNS}, /* pslog */
	[315] = {3036, 8, MA_SH_NAME_RUNS}, /* lessfile */
	[317] = {3649, 6, MA_SH_NAME_RUNS}, /* mpstat */
	[318] = {439, 5, MA_SH_NAME_RUNS}, /* umask */
	[319] = {2866, 6, MA_SH_NAME_RUNS}, /* jshell */
	[322] = {2537, 6, MA_SH_NAME_RUNS}, /* i2cget */
	[323] = {5908, 3, MA_SH_NAME_RUNS}, /* tac */
	[328] = {810, 6, MA_SH_NAME_RUNS}, /* busctl */
	[330] = {6623, 6, MA_SH_NAME_RUNS}, /* zegrep */
	[331] = {6629, 6, MA_SH_NAME_RUNS}, /* zfgrep */
	[334] = {327, 4, MA_SH_NAME_RUNS}, /* popd */
	[337] = {6207, 6, MA_SH_NAME_RUNS}, /* unlink */
	[341] = {90, 2, MA_SH_NAME_OPENS}, /* do */
	[343] = {2072, 9, MA_SH_NAME_RUNS}, /* gcc-nm-12 */
	[344] = {100, 2, MA_SH_NAME_OPENS}, /* if */
	[345] = {1199, 3, MA_SH_NAME_RUNS}, /* ctr */
	[346] = {958, 5, MA_SH_NAME_RUNS}, /* chcon */
	[347] = {1877, 7, MA_SH_NAME_RUNS}, /* fincore */
	[348] = {5023, 7, MA_SH_NAME_RUNS}, /* setpriv */
	[349] = {1806, 7, MA_SH_NAME_RUNS}, /* fatattr */
	[350] = {4245, 10, MA_SH_NAME_RUNS}, /* popmaildir */
	[357] = {5129, 6, MA_SH_NAME_RUNS}, /* shasum */
	[359] = {487, 1, MA_SH_NAME_RUNS}, /* [ */
	[360] = {3225, 5, MA_SH_NAME_RUNS}, /* lsirq */
	[361] = {3458, 8, MA_SH_NAME_RUNS}, /* microcom */
	[369] = {6039, 9, MA_SH_NAME_RUNS}, /* tracepath */
	[371] = {245, 7, MA_SH_NAME_RUNS}, /* emulate */
	[372] = {2710, 6, MA_SH_NAME_RUNS}, /* ipcalc */
	[373] = {1193, 6, MA_SH_NAME_RUNS}, /* csplit */
	[374] = {5101, 7, MA_SH_NAME_RUNS}, /* sha3sum */
	[376] = {1384, 6, MA_SH_NAME_RUNS}, /* docker */
	[378] = {526, 7, MA_SH_NAME_RUNS}, /* adduser */
	[379] = {3263, 5, MA_SH_NAME_RUNS}, /* lspci */
	[380] = {972, 9, MA_SH_NAME_RUNS}, /* chgpasswd */
	[384] = {2964, 5, MA_SH_NAME_RUNS}, /* lastb */
	[385] = {2693, 2, MA_SH_NAME_RUNS}, /* ip */
	[386] = {5638, 17, MA_SH_NAME_RUNS}, /* systemd-firstboot */
	[387] = {92, 4, MA_SH_NAME_OPENS}, /* elif */
	[393] = {1657, 6, MA_SH_NAME_RUNS}, /* e2undo */
	[394] = {2729, 5, MA_SH_NAME_RUNS}, /* ipcrm */
	[396] = {6172, 5, MA_SH_NAME_RUNS}, /* uname */
	[397] = {6387, 7, MA_SH_NAME_RUNS}, /* vimdiff */
	[398] = {5328, 4, MA_SH_NAME_RUNS}, /* stat */
	[399] = {2953, 7, MA_SH_NAME_RUNS}, /* kubectl */
	[400] = {952, 6, MA_SH_NAME_RUNS}, /* chattr */
	[401] = {6426, 5, MA_SH_NAME_RUNS}, /* watch */
	[402] = {2047, 3, MA_SH_NAME_RUNS}, /* g++ */
	[403] = {2128, 3, MA_SH_NAME_RUNS}, /* gem */
	[405] = {4060, 7, MA_SH_NAME_RUNS}, /* php-cgi */
	[406] = {581, 10, MA_SH_NAME_RUNS}, /* apt-config */
	[407] = {1034, 4, MA_SH_NAME_RUNS}, /* chsh */
	[408] = {1332, 5, MA_SH_NAME_RUNS}, /* diff3 */
	[409] = {3182, 7, MA_SH_NAME_RUNS}, /* losetup */
	[410] = {3794, 2, MA_SH_NAME_RUNS}, /* nl */
	[411] = {3802, 6, MA_SH_NAME_RUNS}, /* nmeter */
	[412] = {3912, 9, MA_SH_NAME_RUNS}, /* osascript */
	[414] = {3127, 9, MA_SH_NAME_RUNS}, /* localectl */
	[415] = {3825, 3, MA_SH_NAME_RUNS}, /* npm */
	[416] = {6297, 6, MA_SH_NAME_RUNS}, /* uptime */
	[417] = {386, 5, MA_SH_NAME_RUNS}, /* shift */
	[418] = {787, 3, MA_SH_NAME_RUNS}, /* bun */
	[419] = {2921, 7, MA_SH_NAME_RUNS}, /* kldload */
	[420] = {3323, 3, MA_SH_NAME_RUNS}, /* lxc */
	[421] = {4960, 3, MA_SH_NAME_RUNS}, /* seq */
	[422] = {5440, 5, MA_SH_NAME_RUNS}, /* swift */
	[423] = {6577, 4, MA_SH_NAME_RUNS}, /* yash */
	[424] = {1860, 5, MA_SH_NAME_RUNS}, /* fgrep */
	[425] = {3551, 10, MA_SH_NAME_RUNS}, /* mkfs.minix */
	[426] = {4205, 7, MA_SH_NAME_RUNS}, /* pod2man */
	[429] = {5434, 6, MA_SH_NAME_RUNS}, /* swapon */
	[430] = {4383, 8, MA_SH_NAME_RUNS}, /* pwunconv */
	[432] = {5061, 2, MA_SH_NAME_RUNS}, /* sh */
	[434] = {3363, 26, MA_SH_NAME_RUNS}, /* make-first-existing-target */
	[435] = {6596, 2, MA_SH_NAME_RUNS}, /* yq */
	[440] = {1577, 8, MA_SH_NAME_RUNS}, /* dumpkmap */
	[442] = {6380, 4, MA_SH_NAME_RUNS}, /* vigr */
	[443] = {2036, 6, MA_SH_NAME_RUNS}, /* funzip */
	[444] = {5445, 11, MA_SH_NAME_RUNS}, /* switch_root */
	[445] = {3418, 7, MA_SH_NAME_RUNS}, /* mcookie */
	[447] = {6750, 6, MA_SH_NAME_RUNS}, /* zstdmt */
	[448] = {911, 10, MA_SH_NAME_RUNS}, /* cabextract */
	[449] = {3005, 8, MA_SH_NAME_RUNS}, /* ldattach */
	[456] = {1614, 7, MA_SH_NAME_RUNS}, /* e2image */
	[458] = {3466, 8, MA_SH_NAME_RUNS}, /* mii-tool */
	[462] = {1930, 4, MA_SH_NAME_RUNS}, /* free */
	[463] = {6450, 7, MA_SH_NAME_RUNS}, /* whereis */
	[464] = {3044, 7, MA_SH_NAME_RUNS}, /* lesskey */
	[471] = {2947, 6, MA_SH_NAME_RUNS}, /* ktrace */
	[472] = {2851, 5, MA_SH_NAME_RUNS}, /* jruby */
	[473] = {656, 4, MA_SH_NAME_RUNS}, /* atrm */
	[474] = {5390, 3, MA_SH_NAME_RUNS}, /* sum */
	[480] = {2514, 7, MA_SH_NAME_RUNS}, /* hwclock */
	[482] = {4637, 8, MA_SH_NAME_RUNS}, /* realpath */
	[484] = {2113, 12, MA_SH_NAME_RUNS}, /* gcov-tool-12 */
	[485] = {1598, 10, MA_SH_NAME_RUNS}, /* e2freefrag */
	[486] = {3024, 4, MA_SH_NAME_RUNS}, /* less */
	[488] = {84, 5, MA_SH_NAME_PREFIX}, /* xargs */
	[489] = {1052, 7, MA_SH_NAME_RUNS}, /* clang++ */
	[490] = {6482, 6, MA_SH_NAME_RUNS}, /* whoami */
	[492] = {3136, 9, MA_SH_NAME_RUNS}, /* localedef */
	[493] = {161, 8, MA_SH_NAME_RUNS}, /* autoload */
	[494] = {5560, 13, MA_SH_NAME_RUNS}, /* systemd-creds */
	[495] = {5930, 3, MA_SH_NAME_RUNS}, /* tcc */
	[496] = {3489, 6, MA_SH_NAME_RUNS}, /* mke2fs */
	[498] = {707, 7, MA_SH_NAME_RUNS}, /* bashbug */
	[502] = {640, 6, MA_SH_NAME_RUNS}, /* arping */
	[506] = {1728, 9, MA_SH_NAME_RUNS}, /* envuidgid */
	[507] = {1038, 4, MA_SH_NAME_RUNS}, /* chvt */
	[508] = {444, 7, MA_SH_NAME_RUNS}, /* unalias */
	[509] = {725, 10, MA_SH_NAME_RUNS}, /* blkdiscard */
	[510] = {1737, 3, MA_SH_NAME_RUNS}, /* erb */
	[511] = {3083, 7, MA_SH_NAME_RUNS}, /* linux64 */
	[512] = {3671, 3, MA_SH_NAME_RUNS}, /* mvn */
	[513] = {986, 9, MA_SH_NAME_RUNS}, /* chkconfig */
	[514] = {3881, 7, MA_SH_NAME_RUNS}, /* objdump */
	[518] = {6013, 5, MA_SH_NAME_RUNS}, /* tload */
	[521] = {111, 5, MA_SH_NAME_OPENS}, /* while */
	[522] = {6273, 11, MA_SH_NAME_RUNS}, /* update-rc.d */
	[523] = {6503, 5, MA_SH_NAME_RUNS}, /* write */
	[524] = {1722, 6, MA_SH_NAME_RUNS}, /* envdir */
	[526] = {4690, 5, MA_SH_NAME_RUNS}, /* reset */
	[528] = {1243, 3, MA_SH_NAME_RUNS}, /* dcb */
	[529] = {2228, 2, MA_SH_NAME_RUNS}, /* go */
	[530] = {2384, 7, MA_SH_NAME_RUNS}, /* grpconv */
	[531] = {1479, 10, MA_SH_NAME_RUNS}, /* dpkg-query */
	[532] = {3250, 5, MA_SH_NAME_RUNS}, /* lsmod */
	[533] = {869, 12, MA_SH_NAME_RUNS}, /* bzip2recover */
	[534] = {1015, 8, MA_SH_NAME_RUNS}, /* chpasswd */
	[537] = {2744, 7, MA_SH_NAME_RUNS}, /* ipmaddr */
	[539] = {3561, 9, MA_SH_NAME_RUNS}, /* mkfs.vfat */
	[540] = {4876, 6, MA_SH_NAME_RUNS}, /* s-nail */
	[543] = {350, 4, MA_SH_NAME_RUNS}, /* read */
	[544] = {2419, 5, MA_SH_NAME_RUNS}, /* gzexe */
	[545] = {683, 6, MA_SH_NAME_RUNS}, /* base64 */
	[546] = {3693, 9, MA_SH_NAME_RUNS}, /* nandwrite */
	[547] = {4780, 6, MA_SH_NAME_RUNS}, /* rtacct */
	[553] = {627, 6, MA_SH_NAME_RUNS}, /* aria2c */
	[554] = {4259, 8, MA_SH_NAME_RUNS}, /* poweroff */
	[555] = {3274, 5, MA_SH_NAME_RUNS}, /* lsusb */
	[556] = {3996, 5, MA_SH_NAME_RUNS}, /* pdksh */
	[557] = {6213, 6, MA_SH_NAME_RUNS}, /* unlzma */
	[565] = {1122, 6, MA_SH_NAME_RUNS}, /* conspy */
	[566] = {1287, 7, MA_SH_NAME_RUNS}, /* deluser */
	[567] = {3195, 3, MA_SH_NAME_RUNS}, /* lpr */
	[570] = {274, 2, MA_SH_NAME_RUNS}, /* fg */
	[571] = {276, 7, MA_SH_NAME_RUNS}, /* getopts */
	[572] = {4497, 10, MA_SH_NAME_RUNS}, /* python3.13 */
	[573] = {653, 3, MA_SH_NAME_RUNS}, /* atq */
	[574] = {1918, 5, MA_SH_NAME_RUNS}, /* flock */
	[575] = {2596, 9, MA_SH_NAME_RUNS}, /* ifenslave */
	[578] = {402, 7, MA_SH_NAME_RUNS}, /* suspend */
	[582] = {231, 4, MA_SH_NAME_RUNS}, /* dirs */
	[583] = {116, 1, MA_SH_NAME_OPENS}, /* { */
	[584] = {2569, 11, MA_SH_NAME_RUNS}, /* iconvconfig */
	[585] = {4598, 4, MA_SH_NAME_RUNS}, /* rdma */
	[586] = {4451, 9, MA_SH_NAME_RUNS}, /* python2.7 */
	[587] = {22, 3, MA_SH_NAME_PREFIX}, /* env */
	[588] = {1774, 6, MA_SH_NAME_RUNS}, /* factor */
	[589] = {4525, 9, MA_SH_NAME_RUNS}, /* python3.7 */
	[590] = {1923, 3, MA_SH_NAME_RUNS}, /* fmt */
	[592] = {4042, 10, MA_SH_NAME_RUNS}, /* perlthanks */
	[595] = {1907, 4, MA_SH_NAME_RUNS}, /* fish */
	[596] = {1869, 8, MA_SH_NAME_RUNS}, /* filefrag */
	[597] = {963, 5, MA_SH_NAME_RUNS}, /* chcpu */
	[598] = {2832, 4, MA_SH_NAME_RUNS}, /* join */
	[599] = {3216, 4, MA_SH_NAME_RUNS}, /* lsfd */
	[602] = {1690, 7, MA_SH_NAME_RUNS}, /* elfedit */
	[604] = {1958, 9, MA_SH_NAME_RUNS}, /* fsck.ext3 */
	[608] = {510, 7, MA_SH_NAME_RUNS}, /* addpart */
	[610] = {4970, 7, MA_SH_NAME_RUNS}, /* setarch */
	[613] = {6366, 4, MA_SH_NAME_RUNS}, /* vdir */
	[617] = {1142, 4, MA_SH_NAME_RUNS}, /* cpgr */
	[618] = {6677, 7, MA_SH_NAME_RUNS}, /* zipinfo */
	[619] = {2050, 4, MA_SH_NAME_RUNS}, /* gawk */
	[622] = {4829, 6, MA_SH_NAME_RUNS}, /* runcon */
	[623] = {4882, 7, MA_SH_NAME_RUNS}, /* savelog */
	[624] = {598, 7, MA_SH_NAME_RUNS}, /* apt-key */
	[625] = {6343, 8, MA_SH_NAME_RUNS}, /* uudecode */
	[626] = {6351, 8, MA_SH_NAME_RUNS}, /* uuencode */
	[627] = {4001, 6, MA_SH_NAME_RUNS}, /* peekfd */
	[629] = {1028, 6, MA_SH_NAME_RUNS}, /* chroot */
	[630] = {4122, 4, MA_SH_NAME_RUNS}, /* pip3 */
	[631] = {1678, 2, MA_SH_NAME_RUNS}, /* ed */
	[633] = {409, 4, MA_SH_NAME_RUNS}, /* test */
	[634] = {1337, 3, MA_SH_NAME_RUNS}, /* dig */
	[636] = {4736, 5, MA_SH_NAME_RUNS}, /* rmdir */
	[639] = {663, 5, MA_SH_NAME_RUNS}, /* b2sum */
	[645] = {3630, 4, MA_SH_NAME_RUNS}, /* more */
	[646] = {4101, 4, MA_SH_NAME_RUNS}, /* pigz */
	[648] = {6462, 17, MA_SH_NAME_RUNS}, /* which.debianutils */
	[651] = {4594, 4, MA_SH_NAME_RUNS}, /* rdev */
	[652] = {3268, 6, MA_SH_NAME_RUNS}, /* lsscsi */
	[653] = {2273, 14, MA_SH_NAME_RUNS}, /* gp-display-src */
	[656] = {4889, 3, MA_SH_NAME_RUNS}, /* say */
	[660] = {533, 8, MA_SH_NAME_RUNS}, /* adjtimex */
	[665] = {1639, 7, MA_SH_NAME_RUNS}, /* e2scrub */
	[674] = {5234, 5, MA_SH_NAME_RUNS}, /* split */
	[678] = {1708, 6, MA_SH_NAME_RUNS}, /* enc2xs */
	[685] = {11, 7, MA_SH_NAME_PREFIX}, /* command */
	[687] = {3749, 6, MA_SH_NAME_RUNS}, /* newgrp */
	[688] = {1595, 3, MA_SH_NAME_RUNS}, /* dwp */
	[689] = {2765, 6, MA_SH_NAME_RUNS}, /* iprule */
	[690] = {5407, 4, MA_SH_NAME_RUNS}, /* svok */
	[693] = {466, 8, MA_SH_NAME_RUNS}, /* zmodload */
	[694] = {1114, 8, MA_SH_NAME_RUNS}, /* composer */
	[695] = {1456, 23, MA_SH_NAME_RUNS}, /* dpkg-maintscript-helper */
	[696] = {5013, 10, MA_SH_NAME_RUNS}, /* setlogcons */
	[699] = {4314, 2, MA_SH_NAME_RUNS}, /* ps */
	[700] = {5046, 9, MA_SH_NAME_RUNS}, /* setuidgid */
	[703] = {50, 6, MA_SH_NAME_PREFIX}, /* stdbuf */
	[707] = {5055, 4, MA_SH_NAME_RUNS}, /* sftp */
	[708] = {2142, 6, MA_SH_NAME_RUNS}, /* getent */
	[709] = {5241, 3, MA_SH_NAME_RUNS}, /* ssh */
	[710] = {5460, 6, MA_SH_NAME_RUNS}, /* sysctl */
	[713] = {1317, 2, MA_SH_NAME_RUNS}, /* df */
	[714] = {451, 5, MA_SH_NAME_RUNS}, /* unset */
	[715] = {1750, 2, MA_SH_NAME_RUNS}, /* ex */
	[719] = {89, 1, MA_SH_NAME_OPENS}, /* ! */
	[723] = {2330, 4, MA_SH_NAME_RUNS}, /* grep */
	[726] = {2317, 7, MA_SH_NAME_RUNS}, /* gprofng */
	[728] = {5592, 13, MA_SH_NAME_RUNS}, /* systemd-delta */
	[732] = {1364, 3, MA_SH_NAME_RUNS}, /* dnf */
	[733] = {1926, 4, MA_SH_NAME_RUNS}, /* fold */
	[735] = {4083, 6, MA_SH_NAME_RUNS}, /* piconv */
	[736] = {2993, 7, MA_SH_NAME_RUNS}, /* ld.gold */
	[737] = {4369, 6, MA_SH_NAME_RUNS}, /* pwconv */
	[738] = {3425, 3, MA_SH_NAME_RUNS}, /* md5 */
	[750] = {881, 6, MA_SH_NAME_RUNS}, /* bzless */
	[755] = {4746, 7, MA_SH_NAME_RUNS}, /* rmt-tar */
	[756] = {4849, 5, MA_SH_NAME_RUNS}, /* runsv */
	[759] = {4786, 7, MA_SH_NAME_RUNS}, /* rtcwake */
	[760] = {4862, 7, MA_SH_NAME_RUNS}, /* runuser */
	[762] = {948, 4, MA_SH_NAME_RUNS}, /* chat */
	[763] = {6561, 6, MA_SH_NAME_RUNS}, /* xzless */
	[764] = {3405, 3, MA_SH_NAME_RUNS}, /* man */
	[766] = {129, 4, MA_SH_NAME_RESERVED}, /* esac */
	[767] = {3317, 6, MA_SH_NAME_RUNS}, /* luajit */
	[768] = {3722, 4, MA_SH_NAME_RUNS}, /* ncat */
	[770] = {6310, 7, MA_SH_NAME_RUNS}, /* userdel */
	[774] = {6670, 7, MA_SH_NAME_RUNS}, /* zipgrep */
	[775] = {941, 2, MA_SH_NAME_RUNS}, /* cc */
	[776] = {1567, 2, MA_SH_NAME_RUNS}, /* du */
	[777] = {5624, 14, MA_SH_NAME_RUNS}, /* systemd-escape */
	[779] = {488, 5, MA_SH_NAME_RUNS}, /* acpid */
	[780] = {4109, 5, MA_SH_NAME_RUNS}, /* ping6 */
	[781] = {3720, 2, MA_SH_NAME_RUNS}, /* nc */
	[782] = {1646, 11, MA_SH_NAME_RUNS}, /* e2scrub_all */
	[784] = {2969, 7, MA_SH_NAME_RUNS}, /* lastlog */
	[787] = {1099, 5, MA_SH_NAME_RUNS}, /* colrm */
	[788] = {1418, 8, MA_SH_NAME_RUNS}, /* dpkg-deb */
	[789] = {4079, 4, MA_SH_NAME_RUNS}, /* pico */
	[790] = {2467, 7, MA_SH_NAME_RUNS}, /* hexedit */
	[791] = {4977, 10, MA_SH_NAME_RUNS}, /* setconsole */
	[792] = {5951, 4, MA_SH_NAME_RUNS}, /* tcsh */
	[793] = {3860, 4, MA_SH_NAME_RUNS}, /* nuke */
	[796] = {1280, 7, MA_SH_NAME_RUNS}, /* delpart */
	[798] = {6709, 4, MA_SH_NAME_RUNS}, /* znew */
	[801] = {2125, 3, MA_SH_NAME_RUNS}, /* gdb */
	[804] = {6033, 4, MA_SH_NAME_RUNS}, /* tput */
	[805] = {6394, 4, MA_SH_NAME_RUNS}, /* vipw */
	[808] = {3000, 5, MA_SH_NAME_RUNS}, /* ld.so */
	[809] = {5357, 7, MA_SH_NAME_RUNS}, /* strings */
	[810] = {5183, 5, MA_SH_NAME_RUNS}, /* sleep */
	[814] = {2960, 4, MA_SH_NAME_RUNS}, /* last */
	[815] = {6635, 6, MA_SH_NAME_RUNS}, /* zforce */
	[816] = {6756, 6, MA_SH_NAME_RUNS}, /* zypper */
	[819] = {2448, 2, MA_SH_NAME_RUNS}, /* hd */
	[822] = {3796, 2, MA_SH_NAME_RUNS}, /* nm */
	[823] = {2006, 6, MA_SH_NAME_RUNS}, /* fstrim */
	[824] = {2208, 15, MA_SH_NAME_RUNS}, /* git-upload-pack */
	[825] = {5683, 24, MA_SH_NAME_RUNS}, /* systemd-machine-id-setup */
	[826] = {5707, 13, MA_SH_NAME_RUNS}, /* systemd-mount */
	[829] = {605, 8, MA_SH_NAME_RUNS}, /* apt-mark */
	[830] = {1770, 4, MA_SH_NAME_RUNS}, /* expr */
	[832] = {3329, 5, MA_SH_NAME_RUNS}, /* lzcat */
	[835] = {175, 5, MA_SH_NAME_RUNS}, /* break */
	[840] = {1138, 4, MA_SH_NAME_RUNS}, /* cpan */
	[846] = {1371, 13, MA_SH_NAME_RUNS}, /* dnsdomainname */
	[847] = {921, 3, MA_SH_NAME_RUNS}, /* cal */
	[848] = {2787, 7, MA_SH_NAME_RUNS}, /* ipython */
	[849] = {4354, 8, MA_SH_NAME_RUNS}, /* ptargrep */
	[850] = {502, 8, MA_SH_NAME_RUNS}, /* addgroup */
	[851] = {2012, 5, MA_SH_NAME_RUNS}, /* fsync */
	[852] = {6598, 3, MA_SH_NAME_RUNS}, /* yum */
	[853] = {154, 1, MA_SH_NAME_RESERVED}, /* } */
	[856] = {4841, 8, MA_SH_NAME_RUNS}, /* runlevel */
	[861] = {1628, 11, MA_SH_NAME_RUNS}, /* e2mmpstatus */
	[862] = {2450, 6, MA_SH_NAME_RUNS}, /* hdparm */
	[865] = {2829, 3, MA_SH_NAME_RUNS}, /* joe */
	[866] = {3293, 6, MA_SH_NAME_RUNS}, /* lua5.1 */
	[868] = {6699, 5, MA_SH_NAME_RUNS}, /* zless */
	[871] = {5524, 11, MA_SH_NAME_RUNS}, /* systemd-cat */
	[872] = {995, 5, MA_SH_NAME_RUNS}, /* chmem */
	[874] = {3505, 8, MA_SH_NAME_RUNS}, /* mkfs.bfs */
	[875] = {858, 6, MA_SH_NAME_RUNS}, /* bzgrep */
	[876] = {4675, 9, MA_SH_NAME_RUNS}, /* rename.ul */
	[877] = {6660, 10, MA_SH_NAME_RUNS}, /* zipdetails */
	[879] = {2400, 4, MA_SH_NAME_RUNS}, /* gsed */
	[880] = {2057, 6, MA_SH_NAME_RUNS}, /* gcc-12 */
	[881] = {4995, 7, MA_SH_NAME_RUNS}, /* setfont */
	[882] = {6408, 6, MA_SH_NAME_RUNS}, /* vmstat */
	[885] = {2404, 5, MA_SH_NAME_RUNS}, /* guile */
	[886] = {5404, 3, MA_SH_NAME_RUNS}, /* svn */
	[887] = {262, 4, MA_SH_NAME_RUNS}, /* exit */
	[888] = {4563, 11, MA_SH_NAME_RUNS}, /* raidautorun */
	[889] = {2939, 3, MA_SH_NAME_RUNS}, /* ksh */
	[890] = {5239, 2, MA_SH_NAME_RUNS}, /* ss */
	[891] = {3856, 4, MA_SH_NAME_RUNS}, /* ntpd */
	[892] = {6555, 6, MA_SH_NAME_RUNS}, /* xzgrep */
	[893] = {6605, 4, MA_SH_NAME_RUNS}, /* zcip */
	[894] = {864, 5, MA_SH_NAME_RUNS}, /* bzip2 */
	[895] = {1257, 7, MA_SH_NAME_RUNS}, /* debugfs */
	[896] = {2258, 15, MA_SH_NAME_RUNS}, /* gp-display-html */
	[900] = {5904, 4, MA_SH_NAME_RUNS}, /* tabs */
	[901] = {3237, 8, MA_SH_NAME_RUNS}, /* lslogins */
	[902] = {1884, 4, MA_SH_NAME_RUNS}, /* find */
	[903] = {2030, 6, MA_SH_NAME_RUNS}, /* ftpput */
	[904] = {4741, 5, MA_SH_NAME_RUNS}, /* rmmod */
	[905] = {6158, 6, MA_SH_NAME_RUNS}, /* uevent */
	[906] = {6177, 10, MA_SH_NAME_RUNS}, /* uncompress */
	[907] = {660, 3, MA_SH_NAME_RUNS}, /* awk */
	[908] = {903, 8, MA_SH_NAME_RUNS}, /* c_rehash */
	[912] = {96, 4, MA_SH_NAME_OPENS}, /* else */
	[913] = {846, 5, MA_SH_NAME_RUNS}, /* bzexe */
	[914] = {1569, 8, MA_SH_NAME_RUNS}, /* dumpe2fs */
	[915] = {4534, 9, MA_SH_NAME_RUNS}, /* python3.8 */
	[919] = {747, 8, MA_SH_NAME_RUNS}, /* blockdev */
	[920] = {833, 6, MA_SH_NAME_RUNS}, /* bzdiff */
	[921] = {5108, 9, MA_SH_NAME_RUNS}, /* sha512sum */
	[922] = {5482, 7, MA_SH_NAME_RUNS}, /* systemd */
	[923] = {6414, 7, MA_SH_NAME_RUNS}, /* volname */
	[925] = {3660, 2, MA_SH_NAME_RUNS}, /* mt */
	[926] = {5965, 6, MA_SH_NAME_RUNS}, /* telnet */
	[928] = {5063, 4, MA_SH_NAME_RUNS}, /* sha1 */
	[930] = {391, 5, MA_SH_NAME_RUNS}, /* shopt */
	[931] = {5280, 10, MA_SH_NAME_RUNS}, /* ssh-keygen */
	[932] = {1967, 9, MA_SH_NAME_RUNS}, /* fsck.ext4 */
	[933] = {6535, 6, MA_SH_NAME_RUNS}, /* xzdiff */
	[937] = {5030, 9, MA_SH_NAME_RUNS}, /* setserial */
	[938] = {5473, 9, MA_SH_NAME_RUNS}, /* systemctl */
	[939] = {6009, 4, MA_SH_NAME_RUNS}, /* tipc */
	[941] = {302, 4, MA_SH_NAME_RUNS}, /* kill */
	[942] = {5668, 15, MA_SH_NAME_RUNS}, /* systemd-inhibit */
	[943] = {6152, 6, MA_SH_NAME_RUNS}, /* udpsvd */
	[944] = {6248, 6, MA_SH_NAME_RUNS}, /* unzstd */
	[945] = {4189, 4, MA_SH_NAME_RUNS}, /* pmap */
	[946] = {3482, 7, MA_SH_NAME_RUNS}, /* mkdosfs */
	[947] = {5990, 5, MA_SH_NAME_RUNS}, /* tftpd */
	[948] = {6652, 8, MA_SH_NAME_RUNS}, /* zipcloak */
	[949] = {5760, 11, MA_SH_NAME_RUNS}, /* systemd-run */
	[950] = {4295, 7, MA_SH_NAME_RUNS}, /* prlimit */
	[951] = {6479, 3, MA_SH_NAME_RUNS}, /* who */
	[953] = {1311, 6, MA_SH_NAME_RUNS}, /* devmem */
	[963] = {272, 2, MA_SH_NAME_RUNS}, /* fc */
	[964] = {3200, 6, MA_SH_NAME_RUNS}, /* lsattr */
	[965] = {3989, 7, MA_SH_NAME_RUNS}, /* pdb3.11 */
	[973] = {2987, 6, MA_SH_NAME_RUNS}, /* ld.bfd */
	[975] = {1294, 4, MA_SH_NAME_RUNS}, /* deno */
	[976] = {1714, 8, MA_SH_NAME_RUNS}, /* encguess */
	[977] = {2605, 7, MA_SH_NAME_RUNS}, /* ifplugd */
	[978] = {6093, 3, MA_SH_NAME_RUNS}, /* tty */
	[979] = {6499, 4, MA_SH_NAME_RUNS}, /* wish */
	[980] = {1156, 4, MA_SH_NAME_RUNS}, /* cppw */
	[981] = {2734, 4, MA_SH_NAME_RUNS}, /* ipcs */
	[986] = {4158, 7, MA_SH_NAME_RUNS}, /* pkg_add */
	[989] = {5332, 16, MA_SH_NAME_RUNS}, /* strace-log-merge */
	[992] = {765, 5, MA_SH_NAME_RUNS}, /* brctl */
	[994] = {2162, 3, MA_SH_NAME_RUNS}, /* git */
	[995] = {3408, 4, MA_SH_NAME_RUNS}, /* mawk */
	[996] = {6641, 5, MA_SH_NAME_RUNS}, /* zgrep */
	[997] = {2101, 12, MA_SH_NAME_RUNS}, /* gcov-dump-12 */
	[998] = {2906, 7, MA_SH_NAME_RUNS}, /* killall */
	[999] = {3412, 6, MA_SH_NAME_RUNS}, /* mcedit */
	[1000] = {5244, 7, MA_SH_NAME_RUNS}, /* ssh-add */
	[1005] = {5995, 3, MA_SH_NAME_RUNS}, /* tic */
	[1006] = {493, 9, MA_SH_NAME_RUNS}, /* add-shell */
	[1007] = {3477, 5, MA_SH_NAME_RUNS}, /* mkdir */
	[1008] = {5074, 9, MA_SH_NAME_RUNS}, /* sha224sum */
	[1010] = {156, 5, MA_SH_NAME_RUNS}, /* alias */
	[1012] = {1359, 5, MA_SH_NAME_RUNS}, /* dmesg */
	[1017] = {803, 7, MA_SH_NAME_RUNS}, /* bunzip2 */
	[1020] = {5605, 19, MA_SH_NAME_RUNS}, /* systemd-detect-virt */
	[1021] = {3450, 4, MA_SH_NAME_RUNS}, /* mdev */
	[1030] = {591, 7, MA_SH_NAME_RUNS}, /* apt-get */
	[1033] = {4021, 7, MA_SH_NAME_RUNS}, /* perlbug */
	[1034] = {6199, 8, MA_SH_NAME_RUNS}, /* unix2dos */
	[1035] = {6374, 2, MA_SH_NAME_RUNS}, /* vi */
	[1036] = {1183, 7, MA_SH_NAME_RUNS}, /* cryptpw */
	[1037] = {1272, 8, MA_SH_NAME_RUNS}, /* delgroup */
	[1038] = {6613, 5, MA_SH_NAME_RUNS}, /* zdiff */
	[1043] = {1005, 5, MA_SH_NAME_RUNS}, /* choom */
	[1044] = {2054, 3, MA_SH_NAME_RUNS}, /* gcc */
	[1045] = {554, 3, MA_SH_NAME_RUNS}, /* ant */
	[1046] = {2667, 9, MA_SH_NAME_RUNS}, /* instmodsh */
	[1052] = {4654, 9, MA_SH_NAME_RUNS}, /* reformime */
	[1056] = {1212, 6, MA_SH_NAME_RUNS}, /* ctstat */
	[1060] = {1865, 4, MA_SH_NAME_RUNS}, /* file */
	[1061] = {62, 4, MA_SH_NAME_PREFIX}, /* sudo */
	[1062] = {2779, 8, MA_SH_NAME_RUNS}, /* iptunnel */
	[1065] = {2424, 4, MA_SH_NAME_RUNS}, /* gzip */
	[1067] = {3634, 5, MA_SH_NAME_RUNS}, /* mount */
	[1071] = {1190, 3, MA_SH_NAME_RUNS}, /* csh */
	[1073] = {2020, 4, MA_SH_NAME_RUNS}, /* ftpd */
	[1074] = {1165, 6, MA_SH_NAME_RUNS}, /* crictl */
	[1076] = {2621, 7, MA_SH_NAME_RUNS}, /* infocmp */
	[1083] = {2590, 6, MA_SH_NAME_RUNS}, /* ifdown */
	[1084] = {4007, 4, MA_SH_NAME_RUNS}, /* perl */
	[1085] = {4406, 10, MA_SH_NAME_RUNS}, /* pygettext3 */
	[1086] = {1230, 3, MA_SH_NAME_RUNS}, /* cut */
	[1087] = {1545, 12, MA_SH_NAME_RUNS}, /* dpkg-trigger */
	[1088] = {3021, 3, MA_SH_NAME_RUNS}, /* ldd */
	[1089] = {4429, 4, MA_SH_NAME_RUNS}, /* pypy */
	[1090] = {0, 7, MA_SH_NAME_PREFIX}, /* builtin */
	[1091] = {4869, 5, MA_SH_NAME_RUNS}, /* rustc */
	[1092] = {924, 9, MA_SH_NAME_RUNS}, /* captoinfo */
	[1093] = {721, 4, MA_SH_NAME_RUNS}, /* beep */
	[1094] = {1128, 8, MA_SH_NAME_RUNS}, /* corelist */
	[1097] = {735, 5, MA_SH_NAME_RUNS}, /* blkid */
	[1099] = {1557, 4, MA_SH_NAME_RUNS}, /* dscl */
	[1102] = {1343, 9, MA_SH_NAME_RUNS}, /* dircolors */
	[1103] = {887, 6, MA_SH_NAME_RUNS}, /* bzmore */
	[1108] = {25, 4, MA_SH_NAME_PREFIX}, /* exec */
	[1109] = {1518, 10, MA_SH_NAME_RUNS}, /* dpkg-split */
	[1113] = {1437, 19, MA_SH_NAME_RUNS}, /* dpkg-fsys-usrunmess */
	[1115] = {6567, 6, MA_SH_NAME_RUNS}, /* xzmore */
	[1118] = {3655, 5, MA_SH_NAME_RUNS}, /* msmtp */
	[1119] = {3474, 3, MA_SH_NAME_RUNS}, /* mim */
	[1120] = {3766, 5, MA_SH_NAME_RUNS}, /* ninja */
	[1125] = {4618, 8, MA_SH_NAME_RUNS}, /* readlink */
	[1126] = {1160, 5, MA_SH_NAME_RUNS}, /* crc32 */
	[1131] = {714, 5, MA_SH_NAME_RUNS}, /* batch */
	[1133] = {5201, 4, MA_SH_NAME_RUNS}, /* snap */
	[1135] = {3787, 7, MA_SH_NAME_RUNS}, /* nix-env */
	[1137] = {1087, 3, MA_SH_NAME_RUNS}, /* cmp */
	[1144] = {3105, 8, MA_SH_NAME_RUNS}, /* loadfont */
	[1148] = {4105, 4, MA_SH_NAME_RUNS}, /* ping */
	[1149] = {2234, 10, MA_SH_NAME_RUNS}, /* gp-archive */
	[1150] = {6431, 8, MA_SH_NAME_RUNS}, /* watchdog */
	[1151] = {3685, 8, MA_SH_NAME_RUNS}, /* nanddump */
	[1152] = {1233, 4, MA_SH_NAME_RUNS}, /* dash */
	[1153] = {5919, 3, MA_SH_NAME_RUNS}, /* tar */
	[1154] = {5971, 7, MA_SH_NAME_RUNS}, /* telnetd */
	[1156] = {2334, 6, MA_SH_NAME_RUNS}, /* groovy */
	[1157] = {5398, 6, MA_SH_NAME_RUNS}, /* svlogd */
	[1158] = {5535, 12, MA_SH_NAME_RUNS}, /* systemd-cgls */
	[1159] = {5928, 2, MA_SH_NAME_RUNS}, /* tc */
	[1160] = {3211, 5, MA_SH_NAME_RUNS}, /* lscpu */
	[1166] = {2042, 5, MA_SH_NAME_RUNS}, /* fuser */
	[1168] = {780, 7, MA_SH_NAME_RUNS}, /* buildah */
	[1169] = {3051, 8, MA_SH_NAME_RUNS}, /* lesspipe */
	[1170] = {3611, 7, MA_SH_NAME_RUNS}, /* modinfo */
	[1174] = {1248, 9, MA_SH_NAME_RUNS}, /* deallocvt */
	[1175] = {4729, 5, MA_SH_NAME_RUNS}, /* rgrep */
	[1176] = {413, 5, MA_SH_NAME_RUNS}, /* times */
	[1177] = {5251, 9, MA_SH_NAME_RUNS}, /* ssh-agent */
	[1178] = {5915, 4, MA_SH_NAME_RUNS}, /* talk */
	[1179] = {18, 4, MA_SH_NAME_PREFIX}, /* doas */
	[1181] = {4987, 8, MA_SH_NAME_RUNS}, /* setfattr */
	[1188] = {186, 2, MA_SH_NAME_RUNS}, /* cd */
	[1189] = {2413, 6, MA_SH_NAME_RUNS}, /* gunzip */
	[1190] = {1740, 10, MA_SH_NAME_RUNS}, /* ether-wake */
	[1193] = {314, 6, MA_SH_NAME_RUNS}, /* logout */
	[1194] = {3299, 6, MA_SH_NAME_RUNS}, /* lua5.2 */
	[1195] = {4332, 10, MA_SH_NAME_RUNS}, /* pstree.x11 */
	[1196] = {4584, 5, MA_SH_NAME_RUNS}, /* rbash */
	[1197] = {5228, 6, MA_SH_NAME_RUNS}, /* splain */
	[1199] = {5720, 14, MA_SH_NAME_RUNS}, /* systemd-notify */
	[1201] = {1764, 6, MA_SH_NAME_RUNS}, /* expiry */
	[1202] = {3870, 4, MA_SH_NAME_RUNS}, /* nvim */
	[1207] = {541, 6, MA_SH_NAME_RUNS}, /* agetty */
	[1208] = {241, 4, MA_SH_NAME_RUNS}, /* echo */
	[1209] = {1994, 12, MA_SH_NAME_RUNS}, /* fstab-decode */
	[1210] = {2340, 8, MA_SH_NAME_RUNS}, /* groupadd */
	[1211] = {1426, 11, MA_SH_NAME_RUNS}, /* dpkg-divert */
	[1212] = {2365, 8, MA_SH_NAME_RUNS}, /* groupmod */
	[1213] = {3346, 4, MA_SH_NAME_RUNS}, /* lzop */
	[1214] = {6109, 7, MA_SH_NAME_RUNS}, /* tune2fs */
	[1216] = {560, 3, MA_SH_NAME_RUNS}, /* apt */
	[1217] = {3121, 6, MA_SH_NAME_RUNS}, /* locale */
	[1219] = {6037, 2, MA_SH_NAME_RUNS}, /* tr */
	[1220] = {1104, 6, MA_SH_NAME_RUNS}, /* column */
	[1221] = {5860, 30, MA_SH_NAME_RUNS}, /* systemd-tty-ask-password-agent */
	[1222] = {6704, 5, MA_SH_NAME_RUNS}, /* zmore */
	[1225] = {4212, 8, MA_SH_NAME_RUNS}, /* pod2text */
	[1227] = {4557, 6, MA_SH_NAME_RUNS}, /* racket */
	[1229] = {3570, 12, MA_SH_NAME_RUNS}, /* mklost+found */
	[1230] = {5117, 12, MA_SH_NAME_RUNS}, /* shadowconfig */
	[1231] = {6609, 4, MA_SH_NAME_RUNS}, /* zcmp */
	[1232] = {5311, 17, MA_SH_NAME_RUNS}, /* start-stop-daemon */
	[1234] = {1202, 10, MA_SH_NAME_RUNS}, /* ctrlaltdel */
	[1235] = {5427, 7, MA_SH_NAME_RUNS}, /* swapoff */
	[1238] = {6324, 5, MA_SH_NAME_RUNS}, /* users */
	[1241] = {4193, 4, MA_SH_NAME_RUNS}, /* pnpm */
	[1242] = {4543, 9, MA_SH_NAME_RUNS}, /* python3.9 */
	[1245] = {896, 7, MA_SH_NAME_RUNS}, /* c++filt */
	[1248] = {5911, 4, MA_SH_NAME_RUNS}, /* tail */
	[1249] = {3156, 8, MA_SH_NAME_RUNS}, /* loginctl */
	[1250] = {4416, 13, MA_SH_NAME_RUNS}, /* pygettext3.11 */
	[1251] = {6618, 5, MA_SH_NAME_RUNS}, /* zdump */
	[1252] = {3151, 5, MA_SH_NAME_RUNS}, /* login */
	[1253] = {4720, 6, MA_SH_NAME_RUNS}, /* resume */
	[1260] = {1697, 5, MA_SH_NAME_RUNS}, /* emacs */
	[1262] = {1894, 7, MA_SH_NAME_RUNS}, /* findmnt */
	[1263] = {5083, 9, MA_SH_NAME_RUNS}, /* sha256sum */
	[1264] = {4391, 6, MA_SH_NAME_RUNS}, /* pydoc3 */
	[1266] = {1758, 6, MA_SH_NAME_RUNS}, /* expect */
	[1267] = {968, 4, MA_SH_NAME_RUNS}, /* chfn */
	[1274] = {5168, 7, MA_SH_NAME_RUNS}, /* slabtop */
	[1277] = {3836, 7, MA_SH_NAME_RUNS}, /* nsenter */
	[1280] = {1319, 9, MA_SH_NAME_RUNS}, /* dhcprelay */
	[1281] = {2063, 9, MA_SH_NAME_RUNS}, /* gcc-ar-12 */
	[1282] = {4267, 10, MA_SH_NAME_RUNS}, /* powershell */
	[1283] = {2456, 4, MA_SH_NAME_RUNS}, /* head */
	[1286] = {4067, 4, MA_SH_NAME_RUNS}, /* php5 */
	[1289] = {1408, 6, MA_SH_NAME_RUNS}, /* dotnet */
	[1291] = {3279, 11, MA_SH_NAME_RUNS}, /* lto-dump-12 */
	[1294] = {6133, 6, MA_SH_NAME_RUNS}, /* udhcpc */
	[1295] = {3906, 6, MA_SH_NAME_RUNS}, /* openvt */
	[1304] = {4922, 10, MA_SH_NAME_RUNS}, /* scriptlive */
	[1308] = {3599, 6, MA_SH_NAME_RUNS}, /* mkswap */
	[1309] = {2494, 11, MA_SH_NAME_RUNS}, /* hostnamectl */
	[1310] = {3949, 6, MA_SH_NAME_RUNS}, /* passwd */
	[1315] = {4726, 3, MA_SH_NAME_RUNS}, /* rev */
	[1317] = {943, 5, MA_SH_NAME_RUNS}, /* chage */
	[1318] = {1082, 5, MA_SH_NAME_RUNS}, /* cmake */
	[1319] = {839, 7, MA_SH_NAME_RUNS}, /* bzegrep */
	[1320] = {851, 7, MA_SH_NAME_RUNS}, /* bzfgrep */
	[1321] = {4602, 9, MA_SH_NAME_RUNS}, /* readahead */
	[1322] = {5955, 3, MA_SH_NAME_RUNS}, /* tee */
	[1325] = {3960, 5, MA_SH_NAME_RUNS}, /* patch */
	[1326] = {4825, 4, MA_SH_NAME_RUNS}, /* runc */
	[1329] = {3679, 6, MA_SH_NAME_RUNS}, /* nameif */
	[1331] = {2436, 4, MA_SH_NAME_RUNS}, /* halt */
	[1332] = {6541, 7, MA_SH_NAME_RUNS}, /* xzegrep */
	[1333] = {3874, 7, MA_SH_NAME_RUNS}, /* objcopy */
	[1334] = {6548, 7, MA_SH_NAME_RUNS}, /* xzfgrep */
	[1339] = {73, 4, MA_SH_NAME_PREFIX}, /* time */
	[1343] = {770, 4, MA_SH_NAME_RUNS}, /* brew */
	[1344] = {6439, 2, MA_SH_NAME_RUNS}, /* wc */
	[1345] = {981, 5, MA_SH_NAME_RUNS}, /* chgrp */
	[1346] = {4179, 10, MA_SH_NAME_RUNS}, /* plipconfig */
	[1347] = {2543, 6, MA_SH_NAME_RUNS}, /* i2cset */
	[1348] = {517, 9, MA_SH_NAME_RUNS}, /* addr2line */
	[1349] = {4764, 3, MA_SH_NAME_RUNS}, /* rpm */
	[1350] = {4089, 5, MA_SH_NAME_RUNS}, /* pidof */
	[1352] = {1976, 10, MA_SH_NAME_RUNS}, /* fsck.minix */
	[1355] = {3354, 5, MA_SH_NAME_RUNS}, /* mailx */
	[1357] = {4175, 4, MA_SH_NAME_RUNS}, /* pldd */
	[1359] = {3582, 5, MA_SH_NAME_RUNS}, /* mknod */
	[1361] = {3513, 11, MA_SH_NAME_RUNS}, /* mkfs.cramfs */
	[1366] = {6523, 2, MA_SH_NAME_RUNS}, /* xz */
	[1369] = {3755, 8, MA_SH_NAME_RUNS}, /* newusers */
	[1370] = {5395, 3, MA_SH_NAME_RUNS}, /* svc */
	[1371] = {1010, 5, MA_SH_NAME_RUNS}, /* chown */
	[1375] = {2356, 9, MA_SH_NAME_RUNS}, /* groupmems */
	[1376] = {5260, 9, MA_SH_NAME_RUNS}, /* ssh-argv0 */
	[1378] = {740, 7, MA_SH_NAME_RUNS}, /* blkzone */
	[1379] = {1023, 5, MA_SH_NAME_RUNS}, /* chpst */
	[1380] = {3784, 3, MA_SH_NAME_RUNS}, /* nix */
	[1381] = {2181, 9, MA_SH_NAME_RUNS}, /* git-shell */
	[1382] = {4804, 4, MA_SH_NAME_RUNS}, /* ruby */
	[1383] = {4816, 9, MA_SH_NAME_RUNS}, /* run-parts */
	[1384] = {6284, 13, MA_SH_NAME_RUNS}, /* update-shells */
	[1385] = {1042, 5, MA_SH_NAME_RUNS}, /* cksum */
	[1386] = {6646, 3, MA_SH_NAME_RUNS}, /* zic */
	[1387] = {816, 7, MA_SH_NAME_RUNS}, /* busybox */
	[1388] = {3454, 4, MA_SH_NAME_RUNS}, /* mesg */
	[1390] = {3389, 8, MA_SH_NAME_RUNS}, /* makedevs */
	[1394] = {476, 3, MA_SH_NAME_RUNS}, /* 7za */
	[1395] = {621, 2, MA_SH_NAME_RUNS}, /* ar */
	[1397] = {133, 2, MA_SH_NAME_RESERVED}, /* fi */
	[1398] = {1561, 6, MA_SH_NAME_RUNS}, /* dtrace */
	[1399] = {3524, 9, MA_SH_NAME_RUNS}, /* mkfs.ext2 */
	[1401] = {4901, 6, MA_SH_NAME_RUNS}, /* scalar */
	[1403] = {668, 9, MA_SH_NAME_RUNS}, /* badblocks */
	[1404] = {377, 3, MA_SH_NAME_RUNS}, /* set */
	[1405] = {2379, 5, MA_SH_NAME_RUNS}, /* grpck */
	[1406] = {4346, 8, MA_SH_NAME_RUNS}, /* ptardiff */
	[1407] = {6187, 8, MA_SH_NAME_RUNS}, /* unexpand */
	[1409] = {4149, 6, MA_SH_NAME_RUNS}, /* pkexec */
	[1415] = {3639, 10, MA_SH_NAME_RUNS}, /* mountpoint */
	[1416] = {2839, 10, MA_SH_NAME_RUNS}, /* journalctl */
	[1417] = {4758, 6, MA_SH_NAME_RUNS}, /* routel */
	[1418] = {6254, 19, MA_SH_NAME_RUNS}, /* update-alternatives */
	[1419] = {2309, 3, MA_SH_NAME_RUNS}, /* gpg */
	[1420] = {4963, 7, MA_SH_NAME_RUNS}, /* service */
	[1421] = {2135, 7, MA_SH_NAME_RUNS}, /* getconf */
	[1426] = {938, 3, MA_SH_NAME_RUNS}, /* cat */
	[1427] = {4170, 5, MA_SH_NAME_RUNS}, /* pl2pm */
	[1432] = {2687, 6, MA_SH_NAME_RUNS}, /* iostat */
	[1433] = {1328, 4, MA_SH_NAME_RUNS}, /* diff */
	[1436] = {39, 5, MA_SH_NAME_PREFIX}, /* nohup */
	[1437] = {563, 9, MA_SH_NAME_RUNS}, /* apt-cache */
	[1438] = {1818, 8, MA_SH_NAME_RUNS}, /* fbsplash */
	[1439] = {2460, 7, MA_SH_NAME_RUNS}, /* hexdump */
	[1440] = {2802, 3, MA_SH_NAME_RUNS}, /* irb */
	[1441] = {3245, 5, MA_SH_NAME_RUNS}, /* lsmem */
	[1442] = {3935, 9, MA_SH_NAME_RUNS}, /* partprobe */
	[1443] = {636, 4, MA_SH_NAME_RUNS}, /* arpd */
	[1448] = {218, 6, MA_SH_NAME_RUNS}, /* coproc */
	[1449] = {4835, 6, MA_SH_NAME_RUNS}, /* runghc */
	[1450] = {5301, 10, MA_SH_NAME_RUNS}, /* ssl_client */
	[1451] = {155, 1, MA_SH_NAME_RUNS}, /* . */
	[1452] = {6581, 3, MA_SH_NAME_RUNS}, /* yes */
	[1453] = {235, 6, MA_SH_NAME_RUNS}, /* disown */
	[1454] = {5986, 4, MA_SH_NAME_RUNS}, /* tftp */
	[1456] = {6103, 6, MA_SH_NAME_RUNS}, /* tunctl */
	[1457] = {2704, 6, MA_SH_NAME_RUNS}, /* ipaddr */
	[1460] = {148, 6, MA_SH_NAME_RESERVED}, /* select */
	[1461] = {6584, 12, MA_SH_NAME_RUNS}, /* ypdomainname */
	[1465] = {3028, 8, MA_SH_NAME_RUNS}, /* lessecho */
	[1467] = {2582, 8, MA_SH_NAME_RUNS}, /* ifconfig */
	[1468] = {2721, 8, MA_SH_NAME_RUNS}, /* ipconfig */
	[1470] = {121, 4, MA_SH_NAME_RESERVED}, /* case */
	[1471] = {2159, 3, MA_SH_NAME_RUNS}, /* ghc */
	[1474] = {2287, 15, MA_SH_NAME_RUNS}, /* gp-display-text */
	[1475] = {6116, 8, MA_SH_NAME_RUNS}, /* tzselect */
	[1477] = {2230, 4, MA_SH_NAME_RUNS}, /* gold */
	[1482] = {3985, 4, MA_SH_NAME_RUNS}, /* pdb3 */
	[1485] = {3978, 7, MA_SH_NAME_RUNS}, /* pbpaste */
	[1486] = {6084, 4, MA_SH_NAME_RUNS}, /* tset */
	[1489] = {5794, 20, MA_SH_NAME_RUNS}, /* systemd-stdio-bridge */
	[1498] = {44, 6, MA_SH_NAME_PREFIX}, /* setsid */
	[1500] = {6520, 3, MA_SH_NAME_RUNS}, /* xxd */
	[1501] = {3812, 6, MA_SH_NAME_RUNS}, /* nodejs */
	[1502] = {3798, 4, MA_SH_NAME_RUNS}, /* nmap */
	[1503] = {4126, 13, MA_SH_NAME_RUNS}, /* pipe_progress */
	[1505] = {613, 8, MA_SH_NAME_RUNS}, /* aptitude */
	[1506] = {6457, 5, MA_SH_NAME_RUNS}, /* which */
	[1512] = {4611, 7, MA_SH_NAME_RUNS}, /* readelf */
	[1515] = {1077, 5, MA_SH_NAME_RUNS}, /* clisp */
	[1517] = {893, 3, MA_SH_NAME_RUNS}, /* c++ */
	[1518] = {5092, 9, MA_SH_NAME_RUNS}, /* sha384sum */
	[1519] = {6601, 4, MA_SH_NAME_RUNS}, /* zcat */
	[1520] = {1241, 2, MA_SH_NAME_RUNS}, /* dc */
	[1522] = {3305, 6, MA_SH_NAME_RUNS}, /* lua5.3 */
	[1523] = {4365, 4, MA_SH_NAME_RUNS}, /* pwck */
	[1524] = {6742, 8, MA_SH_NAME_RUNS}, /* zstdless */
	[1525] = {1901, 6, MA_SH_NAME_RUNS}, /* finger */
	[1526] = {2824, 5, MA_SH_NAME_RUNS}, /* javac */
	[1528] = {3072, 4, MA_SH_NAME_RUNS}, /* link */
	[1529] = {6164, 2, MA_SH_NAME_RUNS}, /* ul */
	[1530] = {6398, 5, MA_SH_NAME_RUNS}, /* virsh */
	[1532] = {2612, 4, MA_SH_NAME_RUNS}, /* ifup */
	[1534] = {2820, 4, MA_SH_NAME_RUNS}, /* java */
	[1535] = {5418, 9, MA_SH_NAME_RUNS}, /* swaplabel */
	[1536] = {1110, 4, MA_SH_NAME_RUNS}, /* comm */
	[1537] = {6488, 5, MA_SH_NAME_RUNS}, /* whois */
	[1538] = {4910, 6, MA_SH_NAME_RUNS}, /* screen */
	[1539] = {3626, 4, MA_SH_NAME_RUNS}, /* mono */
	[1540] = {336, 6, MA_SH_NAME_RUNS}, /* printf */
	[1541] = {77, 7, MA_SH_NAME_PREFIX}, /* timeout */
	[1542] = {426, 7, MA_SH_NAME_RUNS}, /* typeset */
	[1543] = {3326, 3, MA_SH_NAME_RUNS}, /* lz4 */
	[1544] = {2849, 2, MA_SH_NAME_RUNS}, /* jq */
	[1546] = {4574, 6, MA_SH_NAME_RUNS}, /* ranlib */
	[1547] = {1702, 6, MA_SH_NAME_RUNS}, /* emerge */
	[1549] = {4651, 3, MA_SH_NAME_RUNS}, /* red */
	[1551] = {5573, 19, MA_SH_NAME_RUNS}, /* systemd-cryptenroll */
	[1553] = {4326, 6, MA_SH_NAME_RUNS}, /* pstree */
	[1554] = {1608, 6, MA_SH_NAME_RUNS}, /* e2fsck */
	[1555] = {3290, 3, MA_SH_NAME_RUNS}, /* lua */
	[1556] = {4155, 3, MA_SH_NAME_RUNS}, /* pkg */
	[1557] = {5547, 13, MA_SH_NAME_RUNS}, /* systemd-cgtop */
	[1558] = {6649, 3, MA_SH_NAME_RUNS}, /* zip */
	[1560] = {2758, 7, MA_SH_NAME_RUNS}, /* iproute */
	[1562] = {2148, 6, MA_SH_NAME_RUNS}, /* getopt */
	[1563] = {102, 4, MA_SH_NAME_OPENS}, /* then */
	[1564] = {2580, 2, MA_SH_NAME_RUNS}, /* id */
	[1568] = {5002, 11, MA_SH_NAME_RUNS}, /* setkeycodes */
	[1569] = {4645, 6, MA_SH_NAME_RUNS}, /* reboot */
	[1570] = {5175, 8, MA_SH_NAME_RUNS}, /* slattach */
	[1571] = {823, 5, MA_SH_NAME_RUNS}, /* bzcat */
	[1572] = {6514, 6, MA_SH_NAME_RUNS}, /* xsubpp */
	[1575] = {5933, 5, MA_SH_NAME_RUNS}, /* tclsh */
	[1577] = {2480, 6, MA_SH_NAME_RUNS}, /* hostid */
	[1580] = {6359, 7, MA_SH_NAME_RUNS}, /* vconfig */
	[1583] = {6525, 5, MA_SH_NAME_RUNS}, /* xzcat */
	[1585] = {2695, 9, MA_SH_NAME_RUNS}, /* ip6tables */
	[1586] = {433, 6, MA_SH_NAME_RUNS}, /* ulimit */
	[1587] = {6195, 4, MA_SH_NAME_RUNS}, /* uniq */
	[1595] = {422, 4, MA_SH_NAME_RUNS}, /* type */
	[1596] = {347, 3, MA_SH_NAME_RUNS}, /* pwd */
	[1597] = {1304, 7, MA_SH_NAME_RUNS}, /* devlink */
	[1598] = {1888, 6, MA_SH_NAME_RUNS}, /* findfs */
	[1601] = {4775, 5, MA_SH_NAME_RUNS}, /* rsync */
	[1602] = {4342, 4, MA_SH_NAME_RUNS}, /* ptar */
	[1603] = {5655, 13, MA_SH_NAME_RUNS}, /* systemd-id128 */
	[1604] = {3090, 7, MA_SH_NAME_RUNS}, /* linuxrc */
	[1605] = {5746, 14, MA_SH_NAME_RUNS}, /* systemd-repart */
	[1606] = {146, 2, MA_SH_NAME_RESERVED}, /* in */
	[1607] = {4438, 6, MA_SH_NAME_RUNS}, /* python */
	[1608] = {5147, 4, MA_SH_NAME_RUNS}, /* shuf */
	[1609] = {4663, 12, MA_SH_NAME_RUNS}, /* remove-shell */
	[1610] = {5814, 14, MA_SH_NAME_RUNS}, /* systemd-sysext */
	[1611] = {5890, 14, MA_SH_NAME_RUNS}, /* systemd-umount */
	[1613] = {3674, 5, MA_SH_NAME_RUNS}, /* namei */
	[1614] = {3178, 4, MA_SH_NAME_RUNS}, /* look */
	[1615] = {5369, 4, MA_SH_NAME_RUNS}, /* stty */
	[1617] = {755, 10, MA_SH_NAME_RUNS}, /* bootchartd */
	[1620] = {3099, 6, MA_SH_NAME_RUNS}, /* lnstat */
	[1622] = {6146, 6, MA_SH_NAME_RUNS}, /* udhcpd */
	[1624] = {547, 7, MA_SH_NAME_RUNS}, /* anacron */
	[1628] = {648, 3, MA_SH_NAME_RUNS}, /* ash */
	[1632] = {1585, 10, MA_SH_NAME_RUNS}, /* dumpleases */
	[1633] = {6082, 2, MA_SH_NAME_RUNS}, /* ts */
	[1634] = {2738, 6, MA_SH_NAME_RUNS}, /* iplink */
	[1635] = {1226, 4, MA_SH_NAME_RUNS}, /* curl */
	[1636] = {3059, 4, MA_SH_NAME_RUNS}, /* lftp */
	[1637] = {4467, 10, MA_SH_NAME_RUNS}, /* python3.10 */
	[1638] = {5205, 5, MA_SH_NAME_RUNS}, /* snice */
	[1639] = {6329, 6, MA_SH_NAME_RUNS}, /* usleep */
	[1640] = {298, 4, MA_SH_NAME_RUNS}, /* jobs */
	[1641] = {697, 6, MA_SH_NAME_RUNS}, /* basenc */
	[1642] = {5734, 12, MA_SH_NAME_RUNS}, /* systemd-path */
	[1643] = {2409, 4, MA_SH_NAME_RUNS}, /* guix */
	[1644] = {6124, 9, MA_SH_NAME_RUNS}, /* uclampset */
	[1645] = {3665, 4, MA_SH_NAME_RUNS}, /* mutt */
	[1646] = {623, 4, MA_SH_NAME_RUNS}, /* arch */
	[1652] = {1093, 6, MA_SH_NAME_RUNS}, /* colcrt */
	[1653] = {3662, 3, MA_SH_NAME_RUNS}, /* mtr */
	[1655] = {3013, 8, MA_SH_NAME_RUNS}, /* ldconfig */
	[1658] = {3397, 8, MA_SH_NAME_RUNS}, /* makemime */
	[1659] = {3726, 6, MA_SH_NAME_RUNS}, /* netcat */
	[1662] = {3164, 7, MA_SH_NAME_RUNS}, /* logname */
	[1663] = {4255, 4, MA_SH_NAME_RUNS}, /* port */
	[1664] = {291, 7, MA_SH_NAME_RUNS}, /* history */
	[1666] = {2654, 13, MA_SH_NAME_RUNS}, /* installkernel */
	[1669] = {4197, 8, MA_SH_NAME_RUNS}, /* pod2html */
	[1670] = {4767, 8, MA_SH_NAME_RUNS}, /* rpm2cpio */
	[1673] = {224, 7, MA_SH_NAME_RUNS}, /* declare */
	[1674] = {258, 4, MA_SH_NAME_RUNS}, /* eval */
	[1675] = {6088, 5, MA_SH_NAME_RUNS}, /* tsort */
	[1676] = {3171, 7, MA_SH_NAME_RUNS}, /* logread */
	[1677] = {6446, 4, MA_SH_NAME_RUNS}, /* wget */
	[1683] = {6384, 3, MA_SH_NAME_RUNS}, /* vim */
	[1684] = {169, 2, MA_SH_NAME_RUNS}, /* bg */
	[1687] = {4397, 9, MA_SH_NAME_RUNS}, /* pydoc3.11 */
	[1688] = {4896, 5, MA_SH_NAME_RUNS}, /* scala */
	[1690] = {6025, 3, MA_SH_NAME_RUNS}, /* top */
	[1691] = {2751, 7, MA_SH_NAME_RUNS}, /* ipneigh */
	[1692] = {6422, 4, MA_SH_NAME_RUNS}, /* wall */
	[1693] = {2976, 9, MA_SH_NAME_RUNS}, /* launchctl */
	[1694] = {2836, 3, MA_SH_NAME_RUNS}, /* jot */
	[1695] = {2165, 16, MA_SH_NAME_RUNS}, /* git-receive-pack */
	[1699] = {4165, 5, MA_SH_NAME_RUNS}, /* pkill */
	[1700] = {2942, 5, MA_SH_NAME_RUNS}, /* ksh93 */
	[1704] = {5159, 4, MA_SH_NAME_RUNS}, /* size */
	[1706] = {2616, 5, MA_SH_NAME_RUNS}, /* inetd */
	[1709] = {5188, 6, MA_SH_NAME_RUNS}, /* slogin */
	[1710] = {703, 4, MA_SH_NAME_RUNS}, /* bash */
	[1712] = {29, 6, MA_SH_NAME_PREFIX}, /* ionice */
	[1713] = {1663, 7, MA_SH_NAME_RUNS}, /* e4crypt */
	[1714] = {6224, 7, MA_SH_NAME_RUNS}, /* unshare */
	[1715] = {5373, 2, MA_SH_NAME_RUNS}, /* su */
	[1716] = {3595, 4, MA_SH_NAME_RUNS}, /* mksh */
	[1720] = {796, 7, MA_SH_NAME_RUNS}, /* bundler */
	[1721] = {1911, 7, MA_SH_NAME_RUNS}, /* flatpak */
	[1722] = {3972, 6, MA_SH_NAME_RUNS}, /* pbcopy */
	[1723] = {4444, 7, MA_SH_NAME_RUNS}, /* python2 */
	[1724] = {320, 7, MA_SH_NAME_RUNS}, /* mapfile */
	[1725] = {2641, 6, MA_SH_NAME_RUNS}, /* insmod */
	[1726] = {3533, 9, MA_SH_NAME_RUNS}, /* mkfs.ext3 */
	[1727] = {1680, 5, MA_SH_NAME_RUNS}, /* egrep */
	[1728] = {3851, 5, MA_SH_NAME_RUNS}, /* nstat */
	[1729] = {1621, 7, MA_SH_NAME_RUNS}, /* e2label */
	[1730] = {5383, 7, MA_SH_NAME_RUNS}, /* sulogin */
	[1731] = {6231, 4, MA_SH_NAME_RUNS}, /* unxz */
	[1733] = {4052, 5, MA_SH_NAME_RUNS}, /* pgrep */
	[1736] = {2872, 7, MA_SH_NAME_RUNS}, /* json_pp */
	[1738] = {689, 8, MA_SH_NAME_RUNS}, /* basename */
	[1740] = {3706, 4, MA_SH_NAME_RUNS}, /* nawk */
	[1741] = {396, 6, MA_SH_NAME_RUNS}, /* source */
	[1743] = {117, 2, MA_SH_NAME_RESERVED}, /* [[ */
	[1747] = {2373, 6, MA_SH_NAME_RUNS}, /* groups */
	[1752] = {2985, 2, MA_SH_NAME_RUNS}, /* ld */
	[1753] = {3669, 2, MA_SH_NAME_RUNS}, /* mv */
	[1754] = {3739, 10, MA_SH_NAME_RUNS}, /* networkctl */
	[1755] = {4734, 2, MA_SH_NAME_RUNS}, /* rm */
	[1759] = {5504, 20, MA_SH_NAME_RUNS}, /* systemd-ask-password */
	[1762] = {4362, 3, MA_SH_NAME_RUNS}, /* ptx */
	[1764] = {180, 6, MA_SH_NAME_RUNS}, /* caller */
	[1768] = {4028, 7, MA_SH_NAME_RUNS}, /* perldoc */
	[1772] = {4626, 11, MA_SH_NAME_RUNS}, /* readprofile */
	[1773] = {1780, 7, MA_SH_NAME_RUNS}, /* faillog */
	[1774] = {6370, 4, MA_SH_NAME_RUNS}, /* vdpa */
	[1776] = {4808, 8, MA_SH_NAME_RUNS}, /* run-init */
	[1780] = {4375, 4, MA_SH_NAME_RUNS}, /* pwdx */
	[1783] = {2081, 13, MA_SH_NAME_RUNS}, /* gcc-ranlib-12 */
	[1785] = {2716, 5, MA_SH_NAME_RUNS}, /* ipcmk */
	[1788] = {125, 4, MA_SH_NAME_RESERVED}, /* done */
	[1789] = {2348, 8, MA_SH_NAME_RUNS}, /* groupdel */
	[1790] = {4277, 8, MA_SH_NAME_RUNS}, /* powertop */
	[1793] = {1833, 8, MA_SH_NAME_RUNS}, /* fdformat */
	[1794] = {3097, 2, MA_SH_NAME_RUNS}, /* ln */
	[1801] = {4916, 6, MA_SH_NAME_RUNS}, /* script */
	[1804] = {4307, 7, MA_SH_NAME_RUNS}, /* prtstat */
	[1807] = {3338, 8, MA_SH_NAME_RUNS}, /* lzmainfo */
	[1808] = {646, 2, MA_SH_NAME_RUNS}, /* as */
	[1814] = {3198, 2, MA_SH_NAME_RUNS}, /* ls */
	[1815] = {1752, 6, MA_SH_NAME_RUNS}, /* expand */
	[1816] = {2913, 8, MA_SH_NAME_RUNS}, /* killall5 */
	[1818] = {2676, 11, MA_SH_NAME_RUNS}, /* invoke-rc.d */
	[1819] = {3605, 6, MA_SH_NAME_RUNS}, /* mktemp */
	[1820] = {3710, 10, MA_SH_NAME_RUNS}, /* nbd-client */
	[1821] = {2637, 4, MA_SH_NAME_RUNS}, /* init */
	[1823] = {1813, 5, MA_SH_NAME_RUNS}, /* fbset */
	[1826] = {5039, 7, MA_SH_NAME_RUNS}, /* setterm */
	[1827] = {6240, 8, MA_SH_NAME_RUNS}, /* unzipsfx */
	[1828] = {6720, 3, MA_SH_NAME_RUNS}, /* zsh */
	[1829] = {2428, 4, MA_SH_NAME_RUNS}, /* h2ph */
	[1831] = {1059, 5, MA_SH_NAME_RUNS}, /* clear */
	[1832] = {3495, 6, MA_SH_NAME_RUNS}, /* mkfifo */
	[1833] = {5828, 16, MA_SH_NAME_RUNS}, /* systemd-sysusers */
	[1834] = {6727, 7, MA_SH_NAME_RUNS}, /* zstdcat */
	[1839] = {4580, 4, MA_SH_NAME_RUNS}, /* rarp */
	[1842] = {2324, 6, MA_SH_NAME_RUNS}, /* gradle */
	[1843] = {3587, 8, MA_SH_NAME_RUNS}, /* mkpasswd */
	[1844] = {1352, 7, MA_SH_NAME_RUNS}, /* dirname */
	[1845] = {4316, 5, MA_SH_NAME_RUNS}, /* pscan */
	[1850] = {3311, 6, MA_SH_NAME_RUNS}, /* lua5.4 */
	[1851] = {1146, 4, MA_SH_NAME_RUNS}, /* cpio */
	[1852] = {5224, 4, MA_SH_NAME_RUNS}, /* sort */
	[1855] = {2560, 4, MA_SH_NAME_RUNS}, /* i386 */
	[1856] = {6684, 7, MA_SH_NAME_RUNS}, /* zipnote */
	[1859] = {3763, 3, MA_SH_NAME_RUNS}, /* nft */
	[1860] = {6077, 5, MA_SH_NAME_RUNS}, /* truss */
	[1861] = {1528, 17, MA_SH_NAME_RUNS}, /* dpkg-statoverride */
	[1864] = {2440, 8, MA_SH_NAME_RUNS}, /* hardlink */
	[1865] = {4220, 9, MA_SH_NAME_RUNS}, /* pod2usage */
	[1872] = {1400, 8, MA_SH_NAME_RUNS}, /* dos2unix */
	[1878] = {418, 4, MA_SH_NAME_RUNS}, /* trap */
	[1879] = {6048, 10, MA_SH_NAME_RUNS}, /* traceroute */
	[1882] = {363, 8, MA_SH_NAME_RUNS}, /* readonly */
	[1883] = {4287, 8, MA_SH_NAME_RUNS}, /* printenv */
	[1884] = {5958, 7, MA_SH_NAME_RUNS}, /* telinit */
	[1887] = {1367, 4, MA_SH_NAME_RUNS}, /* dnsd */
	[1888] = {480, 7, MA_SH_NAME_RUNS}, /* Rscript */
	[1889] = {3206, 5, MA_SH_NAME_RUNS}, /* lsblk */
	[1890] = {5163, 5, MA_SH_NAME_RUNS}, /* skill */
	[1892] = {1218, 8, MA_SH_NAME_RUNS}, /* cttyhack */
	[1899] = {1670, 8, MA_SH_NAME_RUNS}, /* e4defrag */
	[1900] = {1390, 10, MA_SH_NAME_RUNS}, /* domainname */
	[1901] = {3076, 7, MA_SH_NAME_RUNS}, /* linux32 */
	[1902] = {1986, 8, MA_SH_NAME_RUNS}, /* fsfreeze */
	[1903] = {2813, 7, MA_SH_NAME_RUNS}, /* isosize */
	[1904] = {3145, 6, MA_SH_NAME_RUNS}, /* logger */
	[1905] = {4379, 4, MA_SH_NAME_RUNS}, /* pwsh */
	[1907] = {3220, 5, MA_SH_NAME_RUNS}, /* lsipc */
	[1908] = {6096, 7, MA_SH_NAME_RUNS}, /* ttysize */
	[1909] = {5348, 9, MA_SH_NAME_RUNS}, /* streamzip */
	[1913] = {6376, 4, MA_SH_NAME_RUNS}, /* view */
	[1915] = {3864, 6, MA_SH_NAME_RUNS}, /* numfmt */
	[1916] = {4753, 5, MA_SH_NAME_RUNS}, /* route */
	[1917] = {5844, 16, MA_SH_NAME_RUNS}, /* systemd-tmpfiles */
	[1919] = {5411, 7, MA_SH_NAME_RUNS}, /* sw_vers */
	[1921] = {5364, 5, MA_SH_NAME_RUNS}, /* strip */
	[1923] = {2017, 3, MA_SH_NAME_RUNS}, /* ftp */
	[1925] = {6069, 8, MA_SH_NAME_RUNS}, /* truncate */
	[1927] = {5135, 7, MA_SH_NAME_RUNS}, /* showkey */
	[1929] = {2476, 4, MA_SH_NAME_RUNS}, /* host */
	[1930] = {1685, 5, MA_SH_NAME_RUNS}, /* eject */
	[1932] = {5269, 11, MA_SH_NAME_RUNS}, /* ssh-copy-id */
	[1933] = {3895, 4, MA_SH_NAME_RUNS}, /* open */
	[1934] = {1246, 2, MA_SH_NAME_RUNS}, /* dd */
	[1936] = {677, 6, MA_SH_NAME_RUNS}, /* base32 */
	[1940] = {3893, 2, MA_SH_NAME_RUNS}, /* od */
	[1941] = {4035, 7, MA_SH_NAME_RUNS}, /* perlivp */
	[1943] = {4071, 4, MA_SH_NAME_RUNS}, /* php7 */
	[1953] = {5210, 5, MA_SH_NAME_RUNS}, /* socat */
	[1956] = {933, 5, MA_SH_NAME_RUNS}, /* cargo */
	[1961] = {4302, 5, MA_SH_NAME_RUNS}, /* prove */
	[1962] = {4477, 10, MA_SH_NAME_RUNS}, /* python3.11 */
	[1965] = {4944, 5, MA_SH_NAME_RUNS}, /* sdiff */
	[1968] = {4907, 3, MA_SH_NAME_RUNS}, /* scp */
	[1973] = {1047, 5, MA_SH_NAME_RUNS}, /* clang */
	[1974] = {342, 5, MA_SH_NAME_RUNS}, /* pushd */
	[1975] = {4552, 5, MA_SH_NAME_RUNS}, /* pzstd */
	[1977] = {2549, 11, MA_SH_NAME_RUNS}, /* i2ctransfer */
	[1978] = {3833, 3, MA_SH_NAME_RUNS}, /* npx */
	[1979] = {4507, 9, MA_SH_NAME_RUNS}, /* python3.5 */
	[1981] = {2805, 8, MA_SH_NAME_RUNS}, /* ischroot */
	[1982] = {2312, 5, MA_SH_NAME_RUNS}, /* gprof */
	[1984] = {6723, 4, MA_SH_NAME_RUNS}, /* zstd */
	[1994] = {1150, 6, MA_SH_NAME_RUNS}, /* cpp-12 */
	[1996] = {4798, 6, MA_SH_NAME_RUNS}, /* rtstat */
	[2002] = {2928, 5, MA_SH_NAME_RUNS}, /* klogd */
	[2005] = {3965, 7, MA_SH_NAME_RUNS}, /* pathchk */
	[2007] = {1851, 9, MA_SH_NAME_RUNS}, /* fgconsole */
	[2011] = {3927, 8, MA_SH_NAME_RUNS}, /* parallel */
	[2013] = {119, 2, MA_SH_NAME_RESERVED}, /* ]] */
	[2014] = {456, 4, MA_SH_NAME_RUNS}, /* wait */
	[2015] = {572, 9, MA_SH_NAME_RUNS}, /* apt-cdrom */
	[2016] = {1000, 5, MA_SH_NAME_RUNS}, /* chmod */
	[2017] = {171, 4, MA_SH_NAME_RUNS}, /* bind */
	[2018] = {4433, 5, MA_SH_NAME_RUNS}, /* pypy3 */
	[2020] = {3259, 4, MA_SH_NAME_RUNS}, /* lsof */
	[2021] = {6219, 5, MA_SH_NAME_RUNS}, /* unrar */
	[2022] = {6713, 7, MA_SH_NAME_RUNS}, /* zramctl */
	[2028] = {2432, 4, MA_SH_NAME_RUNS}, /* h2xs */
	[2029] = {3428, 6, MA_SH_NAME_RUNS}, /* md5sum */
	[2033] = {3921, 6, MA_SH_NAME_RUNS}, /* pacman */
	[2034] = {4239, 6, MA_SH_NAME_RUNS}, /* podman */
	[2035] = {5922, 6, MA_SH_NAME_RUNS}, /* tarcat */
	[2038] = {4892, 4, MA_SH_NAME_RUNS}, /* sbcl */
	[2042] = {138, 8, MA_SH_NAME_RESERVED}, /* function */
	[2043] = {1090, 3, MA_SH_NAME_RUNS}, /* col */
	[2046] = {6235, 5, MA_SH_NAME_RUNS}, /* unzip */
};
/* clang-format on */
