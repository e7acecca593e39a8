#pragma once
// Flag and constant values of the scap format (open flags, clone flags, address families,
// socket tuple families, mount/mmap/ptrace/... flags). They are part of the on-disk format: the
// producers encode syscall arguments into these values, the renderer names them.
#include <cstdint>

namespace saker::events {

inline constexpr uint32_t PPM_MAX_EVENT_PARAMS = 32u;
inline constexpr uint32_t PPM_MAX_NAME_LEN = 32u;

inline constexpr uint32_t PPM_AF_UNSPEC = 0u;
inline constexpr uint32_t PPM_AF_UNIX = 1u;
inline constexpr uint32_t PPM_AF_LOCAL = 1u;
inline constexpr uint32_t PPM_AF_INET = 2u;
inline constexpr uint32_t PPM_AF_AX25 = 3u;
inline constexpr uint32_t PPM_AF_IPX = 4u;
inline constexpr uint32_t PPM_AF_APPLETALK = 5u;
inline constexpr uint32_t PPM_AF_NETROM = 6u;
inline constexpr uint32_t PPM_AF_BRIDGE = 7u;
inline constexpr uint32_t PPM_AF_ATMPVC = 8u;
inline constexpr uint32_t PPM_AF_X25 = 9u;
inline constexpr uint32_t PPM_AF_INET6 = 10u;
inline constexpr uint32_t PPM_AF_ROSE = 11u;
inline constexpr uint32_t PPM_AF_DECnet = 12u;
inline constexpr uint32_t PPM_AF_NETBEUI = 13u;
inline constexpr uint32_t PPM_AF_SECURITY = 14u;
inline constexpr uint32_t PPM_AF_KEY = 15u;
inline constexpr uint32_t PPM_AF_NETLINK = 16u;
inline constexpr uint32_t PPM_AF_ROUTE = 16u;
inline constexpr uint32_t PPM_AF_PACKET = 17u;
inline constexpr uint32_t PPM_AF_ASH = 18u;
inline constexpr uint32_t PPM_AF_ECONET = 19u;
inline constexpr uint32_t PPM_AF_ATMSVC = 20u;
inline constexpr uint32_t PPM_AF_RDS = 21u;
inline constexpr uint32_t PPM_AF_SNA = 22u;
inline constexpr uint32_t PPM_AF_IRDA = 23u;
inline constexpr uint32_t PPM_AF_PPPOX = 24u;
inline constexpr uint32_t PPM_AF_WANPIPE = 25u;
inline constexpr uint32_t PPM_AF_LLC = 26u;
inline constexpr uint32_t PPM_AF_CAN = 29u;
inline constexpr uint32_t PPM_AF_TIPC = 30u;
inline constexpr uint32_t PPM_AF_BLUETOOTH = 31u;
inline constexpr uint32_t PPM_AF_IUCV = 32u;
inline constexpr uint32_t PPM_AF_RXRPC = 33u;
inline constexpr uint32_t PPM_AF_ISDN = 34u;
inline constexpr uint32_t PPM_AF_PHONET = 35u;
inline constexpr uint32_t PPM_AF_IEEE802154 = 36u;
inline constexpr uint32_t PPM_AF_CAIF = 37u;
inline constexpr uint32_t PPM_AF_ALG = 38u;
inline constexpr uint32_t PPM_AF_NFC = 39u;

inline constexpr uint32_t PPM_O_NONE = 0u;
inline constexpr uint32_t PPM_O_RDONLY = 1u;
inline constexpr uint32_t PPM_O_WRONLY = 2u;
inline constexpr uint32_t PPM_O_RDWR = 3u;
inline constexpr uint32_t PPM_O_CREAT = 4u;
inline constexpr uint32_t PPM_O_APPEND = 8u;
inline constexpr uint32_t PPM_O_DSYNC = 16u;
inline constexpr uint32_t PPM_O_EXCL = 32u;
inline constexpr uint32_t PPM_O_NONBLOCK = 64u;
inline constexpr uint32_t PPM_O_SYNC = 128u;
inline constexpr uint32_t PPM_O_TRUNC = 256u;
inline constexpr uint32_t PPM_O_DIRECT = 512u;
inline constexpr uint32_t PPM_O_DIRECTORY = 0x400u;
inline constexpr uint32_t PPM_O_LARGEFILE = 0x800u;
inline constexpr uint32_t PPM_O_CLOEXEC = 0x1000u;
inline constexpr uint32_t PPM_O_TMPFILE = 0x2000u;
inline constexpr uint32_t PPM_O_F_CREATED = 0x4000u;

inline constexpr uint32_t PPM_FD_UPPER_LAYER = 0x8000u;
inline constexpr uint32_t PPM_FD_LOWER_LAYER = 0x10000u;
inline constexpr uint32_t PPM_FD_UPPER_LAYER_CREAT = 1u;
inline constexpr uint32_t PPM_FD_LOWER_LAYER_CREAT = 2u;

inline constexpr uint32_t PPM_S_NONE = 0u;
inline constexpr uint32_t PPM_S_IXOTH = 1u;
inline constexpr uint32_t PPM_S_IWOTH = 2u;
inline constexpr uint32_t PPM_S_IROTH = 4u;
inline constexpr uint32_t PPM_S_IXGRP = 8u;
inline constexpr uint32_t PPM_S_IWGRP = 16u;
inline constexpr uint32_t PPM_S_IRGRP = 32u;
inline constexpr uint32_t PPM_S_IXUSR = 64u;
inline constexpr uint32_t PPM_S_IWUSR = 128u;
inline constexpr uint32_t PPM_S_IRUSR = 256u;
inline constexpr uint32_t PPM_S_ISVTX = 512u;
inline constexpr uint32_t PPM_S_ISGID = 0x400u;
inline constexpr uint32_t PPM_S_ISUID = 0x800u;
inline constexpr uint32_t PPM_S_IFREG = 0x8000u;
inline constexpr uint32_t PPM_S_IFCHR = 0x2000u;
inline constexpr uint32_t PPM_S_IFBLK = 0x6000u;
inline constexpr uint32_t PPM_S_IFIFO = 0x1000u;
inline constexpr uint32_t PPM_S_IFSOCK = 0xc000u;

inline constexpr uint32_t PPM_LOCK_NONE = 0u;
inline constexpr uint32_t PPM_LOCK_SH = 1u;
inline constexpr uint32_t PPM_LOCK_EX = 2u;
inline constexpr uint32_t PPM_LOCK_NB = 4u;
inline constexpr uint32_t PPM_LOCK_UN = 8u;

inline constexpr uint32_t PPM_CL_NONE = 0u;
inline constexpr uint32_t PPM_CL_CLONE_FILES = 1u;
inline constexpr uint32_t PPM_CL_CLONE_FS = 2u;
inline constexpr uint32_t PPM_CL_CLONE_IO = 4u;
inline constexpr uint32_t PPM_CL_CLONE_NEWIPC = 8u;
inline constexpr uint32_t PPM_CL_CLONE_NEWNET = 16u;
inline constexpr uint32_t PPM_CL_CLONE_NEWNS = 32u;
inline constexpr uint32_t PPM_CL_CLONE_NEWPID = 64u;
inline constexpr uint32_t PPM_CL_CLONE_NEWUTS = 128u;
inline constexpr uint32_t PPM_CL_CLONE_PARENT = 256u;
inline constexpr uint32_t PPM_CL_CLONE_PARENT_SETTID = 512u;
inline constexpr uint32_t PPM_CL_CLONE_PTRACE = 0x400u;
inline constexpr uint32_t PPM_CL_CLONE_SIGHAND = 0x800u;
inline constexpr uint32_t PPM_CL_CLONE_SYSVSEM = 0x1000u;
inline constexpr uint32_t PPM_CL_CLONE_THREAD = 0x2000u;
inline constexpr uint32_t PPM_CL_CLONE_UNTRACED = 0x4000u;
inline constexpr uint32_t PPM_CL_CLONE_VM = 0x8000u;
inline constexpr uint32_t PPM_CL_CLONE_INVERTED = 0x10000u;
inline constexpr uint32_t PPM_CL_NAME_CHANGED = 0x20000u;
inline constexpr uint32_t PPM_CL_CLOSED = 0x40000u;
inline constexpr uint32_t PPM_CL_ACTIVE = 0x80000u;
inline constexpr uint32_t PPM_CL_CLONE_NEWUSER = 0x100000u;
inline constexpr uint32_t PPM_CL_PIPE_SRC = 0x200000u;
inline constexpr uint32_t PPM_CL_PIPE_DST = 0x400000u;
inline constexpr uint32_t PPM_CL_CLONE_CHILD_CLEARTID = 0x800000u;
inline constexpr uint32_t PPM_CL_CLONE_CHILD_SETTID = 0x1000000u;
inline constexpr uint32_t PPM_CL_CLONE_SETTLS = 0x2000000u;
inline constexpr uint32_t PPM_CL_CLONE_STOPPED = 0x4000000u;
inline constexpr uint32_t PPM_CL_CLONE_VFORK = 0x8000000u;
inline constexpr uint32_t PPM_CL_CLONE_NEWCGROUP = 0x10000000u;
inline constexpr uint32_t PPM_CL_CHILD_IN_PIDNS = 0x20000000u;
inline constexpr uint32_t PPM_CL_IS_MAIN_THREAD = 0x40000000u;

inline constexpr uint32_t PPM_FU_FUTEX_WAIT = 0u;
inline constexpr uint32_t PPM_FU_FUTEX_WAKE = 1u;
inline constexpr uint32_t PPM_FU_FUTEX_FD = 2u;
inline constexpr uint32_t PPM_FU_FUTEX_REQUEUE = 3u;
inline constexpr uint32_t PPM_FU_FUTEX_CMP_REQUEUE = 4u;
inline constexpr uint32_t PPM_FU_FUTEX_WAKE_OP = 5u;
inline constexpr uint32_t PPM_FU_FUTEX_LOCK_PI = 6u;
inline constexpr uint32_t PPM_FU_FUTEX_UNLOCK_PI = 7u;
inline constexpr uint32_t PPM_FU_FUTEX_TRYLOCK_PI = 8u;
inline constexpr uint32_t PPM_FU_FUTEX_WAIT_BITSET = 9u;
inline constexpr uint32_t PPM_FU_FUTEX_WAKE_BITSET = 10u;
inline constexpr uint32_t PPM_FU_FUTEX_WAIT_REQUEUE_PI = 11u;
inline constexpr uint32_t PPM_FU_FUTEX_CMP_REQUEUE_PI = 12u;
inline constexpr uint32_t PPM_FU_FUTEX_PRIVATE_FLAG = 128u;
inline constexpr uint32_t PPM_FU_FUTEX_CLOCK_REALTIME = 256u;

inline constexpr uint32_t PPM_SEEK_SET = 0u;
inline constexpr uint32_t PPM_SEEK_CUR = 1u;
inline constexpr uint32_t PPM_SEEK_END = 2u;

inline constexpr uint32_t PPM_POLLIN = 1u;

inline constexpr uint32_t PPM_POLLPRI = 2u;

inline constexpr uint32_t PPM_POLLOUT = 4u;

inline constexpr uint32_t PPM_POLLRDHUP = 8u;

inline constexpr uint32_t PPM_POLLERR = 16u;

inline constexpr uint32_t PPM_POLLHUP = 32u;

inline constexpr uint32_t PPM_POLLNVAL = 64u;

inline constexpr uint32_t PPM_POLLRDNORM = 128u;

inline constexpr uint32_t PPM_POLLRDBAND = 256u;

inline constexpr uint32_t PPM_POLLWRNORM = 512u;

inline constexpr uint32_t PPM_POLLWRBAND = 0x400u;

inline constexpr uint32_t PPM_MS_RDONLY = 1u;
inline constexpr uint32_t PPM_MS_NOSUID = 2u;
inline constexpr uint32_t PPM_MS_NODEV = 4u;
inline constexpr uint32_t PPM_MS_NOEXEC = 8u;
inline constexpr uint32_t PPM_MS_SYNCHRONOUS = 16u;
inline constexpr uint32_t PPM_MS_REMOUNT = 32u;
inline constexpr uint32_t PPM_MS_MANDLOCK = 64u;
inline constexpr uint32_t PPM_MS_DIRSYNC = 128u;
inline constexpr uint32_t PPM_MS_NOATIME = 0x400u;
inline constexpr uint32_t PPM_MS_NODIRATIME = 0x800u;
inline constexpr uint32_t PPM_MS_BIND = 0x1000u;
inline constexpr uint32_t PPM_MS_MOVE = 0x2000u;
inline constexpr uint32_t PPM_MS_REC = 0x4000u;
inline constexpr uint32_t PPM_MS_SILENT = 0x8000u;
inline constexpr uint32_t PPM_MS_POSIXACL = 0x10000u;
inline constexpr uint32_t PPM_MS_UNBINDABLE = 0x20000u;
inline constexpr uint32_t PPM_MS_PRIVATE = 0x40000u;
inline constexpr uint32_t PPM_MS_SLAVE = 0x80000u;
inline constexpr uint32_t PPM_MS_SHARED = 0x100000u;
inline constexpr uint32_t PPM_MS_RELATIME = 0x200000u;
inline constexpr uint32_t PPM_MS_KERNMOUNT = 0x400000u;
inline constexpr uint32_t PPM_MS_I_VERSION = 0x800000u;
inline constexpr uint32_t PPM_MS_STRICTATIME = 0x1000000u;
inline constexpr uint32_t PPM_MS_LAZYTIME = 0x2000000u;
inline constexpr uint32_t PPM_MS_NOSEC = 0x10000000u;
inline constexpr uint32_t PPM_MS_BORN = 0x20000000u;
inline constexpr uint32_t PPM_MS_ACTIVE = 0x40000000u;
inline constexpr uint32_t PPM_MS_NOUSER = 0x80000000u;

inline constexpr uint32_t PPM_MNT_FORCE = 1u;
inline constexpr uint32_t PPM_MNT_DETACH = 2u;
inline constexpr uint32_t PPM_MNT_EXPIRE = 4u;

inline constexpr uint32_t PPM_UMOUNT_NOFOLLOW = 8u;

inline constexpr uint32_t PPM_SHUT_RD = 0u;
inline constexpr uint32_t PPM_SHUT_WR = 1u;
inline constexpr uint32_t PPM_SHUT_RDWR = 2u;
inline constexpr uint32_t PPM_SHUT_UNKNOWN = 0xffffu;

inline constexpr int32_t PPM_AT_FDCWD = -100;
inline constexpr uint32_t PPM_AT_REMOVEDIR = 512u;
inline constexpr uint32_t PPM_AT_SYMLINK_FOLLOW = 0x400u;
inline constexpr uint32_t PPM_AT_EMPTY_PATH = 0x1000u;
inline constexpr uint32_t PPM_AT_NO_AUTOMOUNT = 0x800u;
inline constexpr uint32_t PPM_AT_SYMLINK_NOFOLLOW = 256u;

inline constexpr uint32_t PPM_RLIMIT_CPU = 0u;
inline constexpr uint32_t PPM_RLIMIT_FSIZE = 1u;
inline constexpr uint32_t PPM_RLIMIT_DATA = 2u;
inline constexpr uint32_t PPM_RLIMIT_STACK = 3u;
inline constexpr uint32_t PPM_RLIMIT_CORE = 4u;
inline constexpr uint32_t PPM_RLIMIT_RSS = 5u;
inline constexpr uint32_t PPM_RLIMIT_NPROC = 6u;
inline constexpr uint32_t PPM_RLIMIT_NOFILE = 7u;
inline constexpr uint32_t PPM_RLIMIT_MEMLOCK = 8u;
inline constexpr uint32_t PPM_RLIMIT_AS = 9u;
inline constexpr uint32_t PPM_RLIMIT_LOCKS = 10u;
inline constexpr uint32_t PPM_RLIMIT_SIGPENDING = 11u;
inline constexpr uint32_t PPM_RLIMIT_MSGQUEUE = 12u;
inline constexpr uint32_t PPM_RLIMIT_NICE = 13u;
inline constexpr uint32_t PPM_RLIMIT_RTPRIO = 14u;
inline constexpr uint32_t PPM_RLIMIT_RTTIME = 15u;
inline constexpr uint32_t PPM_RLIMIT_UNKNOWN = 255u;

inline constexpr uint32_t PPM_FCNTL_UNKNOWN = 0u;
inline constexpr uint32_t PPM_FCNTL_F_DUPFD = 1u;
inline constexpr uint32_t PPM_FCNTL_F_GETFD = 2u;
inline constexpr uint32_t PPM_FCNTL_F_SETFD = 3u;
inline constexpr uint32_t PPM_FCNTL_F_GETFL = 4u;
inline constexpr uint32_t PPM_FCNTL_F_SETFL = 5u;
inline constexpr uint32_t PPM_FCNTL_F_GETLK = 6u;
inline constexpr uint32_t PPM_FCNTL_F_SETLK = 8u;
inline constexpr uint32_t PPM_FCNTL_F_SETLKW = 9u;
inline constexpr uint32_t PPM_FCNTL_F_SETOWN = 10u;
inline constexpr uint32_t PPM_FCNTL_F_GETOWN = 12u;
inline constexpr uint32_t PPM_FCNTL_F_SETSIG = 13u;
inline constexpr uint32_t PPM_FCNTL_F_GETSIG = 15u;
inline constexpr uint32_t PPM_FCNTL_F_GETLK64 = 17u;
inline constexpr uint32_t PPM_FCNTL_F_SETLK64 = 18u;
inline constexpr uint32_t PPM_FCNTL_F_SETLKW64 = 19u;
inline constexpr uint32_t PPM_FCNTL_F_SETOWN_EX = 21u;
inline constexpr uint32_t PPM_FCNTL_F_GETOWN_EX = 22u;
inline constexpr uint32_t PPM_FCNTL_F_SETLEASE = 23u;
inline constexpr uint32_t PPM_FCNTL_F_GETLEASE = 24u;
inline constexpr uint32_t PPM_FCNTL_F_CANCELLK = 25u;
inline constexpr uint32_t PPM_FCNTL_F_DUPFD_CLOEXEC = 26u;
inline constexpr uint32_t PPM_FCNTL_F_NOTIFY = 27u;
inline constexpr uint32_t PPM_FCNTL_F_SETPIPE_SZ = 28u;
inline constexpr uint32_t PPM_FCNTL_F_GETPIPE_SZ = 29u;
inline constexpr uint32_t PPM_FCNTL_F_OFD_GETLK = 30u;
inline constexpr uint32_t PPM_FCNTL_F_OFD_SETLK = 31u;
inline constexpr uint32_t PPM_FCNTL_F_OFD_SETLKW = 32u;

inline constexpr uint32_t PPM_SOCKOPT_LEVEL_UNKNOWN = 0u;
inline constexpr uint32_t PPM_SOCKOPT_LEVEL_SOL_SOCKET = 1u;
inline constexpr uint32_t PPM_SOCKOPT_LEVEL_SOL_TCP = 2u;
inline constexpr uint32_t PPM_SOCKOPT_UNKNOWN = 0u;
inline constexpr uint32_t PPM_SOCKOPT_SO_DEBUG = 1u;
inline constexpr uint32_t PPM_SOCKOPT_SO_REUSEADDR = 2u;
inline constexpr uint32_t PPM_SOCKOPT_SO_TYPE = 3u;
inline constexpr uint32_t PPM_SOCKOPT_SO_ERROR = 4u;
inline constexpr uint32_t PPM_SOCKOPT_SO_DONTROUTE = 5u;
inline constexpr uint32_t PPM_SOCKOPT_SO_BROADCAST = 6u;
inline constexpr uint32_t PPM_SOCKOPT_SO_SNDBUF = 7u;
inline constexpr uint32_t PPM_SOCKOPT_SO_RCVBUF = 8u;
inline constexpr uint32_t PPM_SOCKOPT_SO_SNDBUFFORCE = 32u;
inline constexpr uint32_t PPM_SOCKOPT_SO_RCVBUFFORCE = 33u;
inline constexpr uint32_t PPM_SOCKOPT_SO_KEEPALIVE = 9u;
inline constexpr uint32_t PPM_SOCKOPT_SO_OOBINLINE = 10u;
inline constexpr uint32_t PPM_SOCKOPT_SO_NO_CHECK = 11u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PRIORITY = 12u;
inline constexpr uint32_t PPM_SOCKOPT_SO_LINGER = 13u;
inline constexpr uint32_t PPM_SOCKOPT_SO_BSDCOMPAT = 14u;
inline constexpr uint32_t PPM_SOCKOPT_SO_REUSEPORT = 15u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PASSCRED = 16u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PEERCRED = 17u;
inline constexpr uint32_t PPM_SOCKOPT_SO_RCVLOWAT = 18u;
inline constexpr uint32_t PPM_SOCKOPT_SO_SNDLOWAT = 19u;
inline constexpr uint32_t PPM_SOCKOPT_SO_RCVTIMEO = 20u;
inline constexpr uint32_t PPM_SOCKOPT_SO_SNDTIMEO = 21u;
inline constexpr uint32_t PPM_SOCKOPT_SO_SECURITY_AUTHENTICATION = 22u;
inline constexpr uint32_t PPM_SOCKOPT_SO_SECURITY_ENCRYPTION_TRANSPORT = 23u;
inline constexpr uint32_t PPM_SOCKOPT_SO_SECURITY_ENCRYPTION_NETWORK = 24u;
inline constexpr uint32_t PPM_SOCKOPT_SO_BINDTODEVICE = 25u;
inline constexpr uint32_t PPM_SOCKOPT_SO_ATTACH_FILTER = 26u;
inline constexpr uint32_t PPM_SOCKOPT_SO_DETACH_FILTER = 27u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PEERNAME = 28u;
inline constexpr uint32_t PPM_SOCKOPT_SO_TIMESTAMP = 29u;
inline constexpr uint32_t PPM_SOCKOPT_SO_ACCEPTCONN = 30u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PEERSEC = 31u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PASSSEC = 34u;
inline constexpr uint32_t PPM_SOCKOPT_SO_TIMESTAMPNS = 35u;
inline constexpr uint32_t PPM_SOCKOPT_SO_MARK = 36u;
inline constexpr uint32_t PPM_SOCKOPT_SO_TIMESTAMPING = 37u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PROTOCOL = 38u;
inline constexpr uint32_t PPM_SOCKOPT_SO_DOMAIN = 39u;
inline constexpr uint32_t PPM_SOCKOPT_SO_RXQ_OVFL = 40u;
inline constexpr uint32_t PPM_SOCKOPT_SO_WIFI_STATUS = 41u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PEEK_OFF = 42u;
inline constexpr uint32_t PPM_SOCKOPT_SO_NOFCS = 43u;
inline constexpr uint32_t PPM_SOCKOPT_SO_LOCK_FILTER = 44u;
inline constexpr uint32_t PPM_SOCKOPT_SO_SELECT_ERR_QUEUE = 45u;
inline constexpr uint32_t PPM_SOCKOPT_SO_BUSY_POLL = 46u;
inline constexpr uint32_t PPM_SOCKOPT_SO_MAX_PACING_RATE = 47u;
inline constexpr uint32_t PPM_SOCKOPT_SO_BPF_EXTENSIONS = 48u;
inline constexpr uint32_t PPM_SOCKOPT_SO_INCOMING_CPU = 49u;
inline constexpr uint32_t PPM_SOCKOPT_SO_ATTACH_BPF = 50u;
inline constexpr uint32_t PPM_SOCKOPT_SO_PEERGROUPS = 51u;
inline constexpr uint32_t PPM_SOCKOPT_SO_MEMINFO = 52u;
inline constexpr uint32_t PPM_SOCKOPT_SO_COOKIE = 53u;
inline constexpr uint32_t PPM_SOCKOPT_IDX_UNKNOWN = 0u;
inline constexpr uint32_t PPM_SOCKOPT_IDX_ERRNO = 1u;
inline constexpr uint32_t PPM_SOCKOPT_IDX_UINT32 = 2u;
inline constexpr uint32_t PPM_SOCKOPT_IDX_UINT64 = 3u;
inline constexpr uint32_t PPM_SOCKOPT_IDX_TIMEVAL = 4u;
inline constexpr uint32_t PPM_SOCKOPT_IDX_MAX = 5u;

inline constexpr uint32_t PPM_PTRACE_UNKNOWN = 0u;
inline constexpr uint32_t PPM_PTRACE_TRACEME = 1u;
inline constexpr uint32_t PPM_PTRACE_PEEKTEXT = 2u;
inline constexpr uint32_t PPM_PTRACE_PEEKDATA = 3u;
inline constexpr uint32_t PPM_PTRACE_PEEKUSR = 4u;
inline constexpr uint32_t PPM_PTRACE_POKETEXT = 5u;
inline constexpr uint32_t PPM_PTRACE_POKEDATA = 6u;
inline constexpr uint32_t PPM_PTRACE_POKEUSR = 7u;
inline constexpr uint32_t PPM_PTRACE_CONT = 8u;
inline constexpr uint32_t PPM_PTRACE_KILL = 9u;
inline constexpr uint32_t PPM_PTRACE_SINGLESTEP = 10u;
inline constexpr uint32_t PPM_PTRACE_ATTACH = 11u;
inline constexpr uint32_t PPM_PTRACE_DETACH = 12u;
inline constexpr uint32_t PPM_PTRACE_SYSCALL = 13u;
inline constexpr uint32_t PPM_PTRACE_SETOPTIONS = 14u;
inline constexpr uint32_t PPM_PTRACE_GETEVENTMSG = 15u;
inline constexpr uint32_t PPM_PTRACE_GETSIGINFO = 16u;
inline constexpr uint32_t PPM_PTRACE_SETSIGINFO = 17u;
inline constexpr uint32_t PPM_PTRACE_GETREGSET = 18u;
inline constexpr uint32_t PPM_PTRACE_SETREGSET = 19u;
inline constexpr uint32_t PPM_PTRACE_SEIZE = 20u;
inline constexpr uint32_t PPM_PTRACE_INTERRUPT = 21u;
inline constexpr uint32_t PPM_PTRACE_LISTEN = 22u;
inline constexpr uint32_t PPM_PTRACE_PEEKSIGINFO = 23u;
inline constexpr uint32_t PPM_PTRACE_GETSIGMASK = 24u;
inline constexpr uint32_t PPM_PTRACE_SETSIGMASK = 25u;
inline constexpr uint32_t PPM_PTRACE_GETREGS = 26u;
inline constexpr uint32_t PPM_PTRACE_SETREGS = 27u;
inline constexpr uint32_t PPM_PTRACE_GETFPREGS = 28u;
inline constexpr uint32_t PPM_PTRACE_SETFPREGS = 29u;
inline constexpr uint32_t PPM_PTRACE_GETFPXREGS = 30u;
inline constexpr uint32_t PPM_PTRACE_SETFPXREGS = 31u;
inline constexpr uint32_t PPM_PTRACE_OLDSETOPTIONS = 32u;
inline constexpr uint32_t PPM_PTRACE_GET_THREAD_AREA = 33u;
inline constexpr uint32_t PPM_PTRACE_SET_THREAD_AREA = 34u;
inline constexpr uint32_t PPM_PTRACE_ARCH_PRCTL = 35u;
inline constexpr uint32_t PPM_PTRACE_SYSEMU = 36u;
inline constexpr uint32_t PPM_PTRACE_SYSEMU_SINGLESTEP = 37u;
inline constexpr uint32_t PPM_PTRACE_SINGLEBLOCK = 38u;
inline constexpr uint32_t PPM_PTRACE_IDX_UINT64 = 0u;
inline constexpr uint32_t PPM_PTRACE_IDX_SIGTYPE = 1u;
inline constexpr uint32_t PPM_PTRACE_IDX_MAX = 2u;

inline constexpr uint32_t PPM_BPF_IDX_FD = 0u;
inline constexpr uint32_t PPM_BPF_IDX_RES = 1u;
inline constexpr uint32_t PPM_BPF_IDX_MAX = 2u;

inline constexpr uint32_t PPM_KEYCTL_IDX_INT64 = 0u;
inline constexpr uint32_t PPM_KEYCTL_IDX_CHARBUF = 1u;
inline constexpr uint32_t PPM_KEYCTL_IDX_MAX = 2u;

inline constexpr uint32_t PPM_PROT_NONE = 0u;
inline constexpr uint32_t PPM_PROT_READ = 1u;
inline constexpr uint32_t PPM_PROT_WRITE = 2u;
inline constexpr uint32_t PPM_PROT_EXEC = 4u;
inline constexpr uint32_t PPM_PROT_SEM = 8u;
inline constexpr uint32_t PPM_PROT_GROWSDOWN = 16u;
inline constexpr uint32_t PPM_PROT_GROWSUP = 32u;
inline constexpr uint32_t PPM_PROT_SAO = 64u;

inline constexpr uint32_t PPM_MAP_SHARED = 1u;
inline constexpr uint32_t PPM_MAP_PRIVATE = 2u;
inline constexpr uint32_t PPM_MAP_FIXED = 4u;
inline constexpr uint32_t PPM_MAP_ANONYMOUS = 8u;
inline constexpr uint32_t PPM_MAP_32BIT = 16u;
inline constexpr uint32_t PPM_MAP_RENAME = 32u;
inline constexpr uint32_t PPM_MAP_NORESERVE = 64u;
inline constexpr uint32_t PPM_MAP_POPULATE = 128u;
inline constexpr uint32_t PPM_MAP_NONBLOCK = 256u;
inline constexpr uint32_t PPM_MAP_GROWSDOWN = 512u;
inline constexpr uint32_t PPM_MAP_DENYWRITE = 0x400u;
inline constexpr uint32_t PPM_MAP_EXECUTABLE = 0x800u;
inline constexpr uint32_t PPM_MAP_INHERIT = 0x1000u;
inline constexpr uint32_t PPM_MAP_FILE = 0x2000u;
inline constexpr uint32_t PPM_MAP_LOCKED = 0x4000u;

inline constexpr uint32_t PPM_SPLICE_F_MOVE = 1u;
inline constexpr uint32_t PPM_SPLICE_F_NONBLOCK = 2u;
inline constexpr uint32_t PPM_SPLICE_F_MORE = 4u;
inline constexpr uint32_t PPM_SPLICE_F_GIFT = 8u;

inline constexpr uint32_t PPM_Q_QUOTAON = 1u;
inline constexpr uint32_t PPM_Q_QUOTAOFF = 2u;
inline constexpr uint32_t PPM_Q_GETFMT = 4u;
inline constexpr uint32_t PPM_Q_GETINFO = 8u;
inline constexpr uint32_t PPM_Q_SETINFO = 16u;
inline constexpr uint32_t PPM_Q_GETQUOTA = 32u;
inline constexpr uint32_t PPM_Q_SETQUOTA = 64u;
inline constexpr uint32_t PPM_Q_SYNC = 128u;
inline constexpr uint32_t PPM_Q_XQUOTAON = 256u;
inline constexpr uint32_t PPM_Q_XQUOTAOFF = 512u;
inline constexpr uint32_t PPM_Q_XGETQUOTA = 0x400u;
inline constexpr uint32_t PPM_Q_XSETQLIM = 0x800u;
inline constexpr uint32_t PPM_Q_XGETQSTAT = 0x1000u;
inline constexpr uint32_t PPM_Q_XQUOTARM = 0x2000u;
inline constexpr uint32_t PPM_Q_XQUOTASYNC = 0x4000u;
inline constexpr uint32_t PPM_Q_XGETQSTATV = 0x8000u;

inline constexpr uint32_t PPM_USRQUOTA = 1u;

inline constexpr uint32_t PPM_GRPQUOTA = 2u;

inline constexpr uint32_t PPM_DQF_NONE = 1u;

inline constexpr uint32_t PPM_V1_DQF_RSQUASH = 2u;

inline constexpr uint32_t PPM_QFMT_NOT_USED = 1u;
inline constexpr uint32_t PPM_QFMT_VFS_OLD = 2u;
inline constexpr uint32_t PPM_QFMT_VFS_V0 = 4u;
inline constexpr uint32_t PPM_QFMT_VFS_V1 = 8u;

inline constexpr uint32_t PPM_IPC_NOWAIT = 1u;

inline constexpr uint32_t PPM_SEM_UNDO = 2u;

inline constexpr uint32_t PPM_IPC_CREAT = 0x2000u;
inline constexpr uint32_t PPM_IPC_EXCL = 0x4000u;
inline constexpr uint32_t PPM_IPC_STAT = 1u;
inline constexpr uint32_t PPM_IPC_SET = 2u;
inline constexpr uint32_t PPM_IPC_RMID = 4u;
inline constexpr uint32_t PPM_IPC_INFO = 8u;

inline constexpr uint32_t PPM_SEM_INFO = 16u;
inline constexpr uint32_t PPM_SEM_STAT = 32u;

inline constexpr uint32_t PPM_GETALL = 64u;

inline constexpr uint32_t PPM_GETNCNT = 128u;

inline constexpr uint32_t PPM_GETPID = 256u;

inline constexpr uint32_t PPM_GETVAL = 512u;

inline constexpr uint32_t PPM_GETZCNT = 0x400u;

inline constexpr uint32_t PPM_SETALL = 0x800u;

inline constexpr uint32_t PPM_SETVAL = 0x1000u;

inline constexpr uint32_t PPM_F_OK = 0u;

inline constexpr uint32_t PPM_X_OK = 1u;

inline constexpr uint32_t PPM_W_OK = 2u;

inline constexpr uint32_t PPM_R_OK = 4u;

inline constexpr uint32_t PPM_PF_PROTECTION_VIOLATION = 1u;
inline constexpr uint32_t PPM_PF_PAGE_NOT_PRESENT = 2u;
inline constexpr uint32_t PPM_PF_WRITE_ACCESS = 4u;
inline constexpr uint32_t PPM_PF_READ_ACCESS = 8u;
inline constexpr uint32_t PPM_PF_USER_FAULT = 16u;
inline constexpr uint32_t PPM_PF_SUPERVISOR_FAULT = 32u;
inline constexpr uint32_t PPM_PF_RESERVED_PAGE = 64u;
inline constexpr uint32_t PPM_PF_INSTRUCTION_FETCH = 128u;

inline constexpr uint32_t PPM_RENAME_NOREPLACE = 1u;
inline constexpr uint32_t PPM_RENAME_EXCHANGE = 2u;
inline constexpr uint32_t PPM_RENAME_WHITEOUT = 4u;

inline constexpr uint32_t PPM_RESOLVE_BENEATH = 1u;
inline constexpr uint32_t PPM_RESOLVE_IN_ROOT = 2u;
inline constexpr uint32_t PPM_RESOLVE_NO_MAGICLINKS = 4u;
inline constexpr uint32_t PPM_RESOLVE_NO_SYMLINKS = 8u;
inline constexpr uint32_t PPM_RESOLVE_NO_XDEV = 16u;
inline constexpr uint32_t PPM_RESOLVE_CACHED = 32u;

inline constexpr uint32_t PPM_EXE_WRITABLE = 1u;
inline constexpr uint32_t PPM_EXE_UPPER_LAYER = 2u;
inline constexpr uint32_t PPM_EXE_FROM_MEMFD = 4u;
inline constexpr uint32_t PPM_EXE_LOWER_LAYER = 8u;

inline constexpr uint32_t PPM_EXVAT_AT_EMPTY_PATH = 1u;
inline constexpr uint32_t PPM_EXVAT_AT_SYMLINK_NOFOLLOW = 2u;

inline constexpr uint32_t PPM_IORING_SETUP_IOPOLL = 1u;
inline constexpr uint32_t PPM_IORING_SETUP_SQPOLL = 2u;
inline constexpr uint32_t PPM_IORING_SQ_NEED_WAKEUP = 4u;
inline constexpr uint32_t PPM_IORING_SETUP_SQ_AFF = 8u;
inline constexpr uint32_t PPM_IORING_SETUP_CQSIZE = 16u;
inline constexpr uint32_t PPM_IORING_SETUP_CLAMP = 32u;
inline constexpr uint32_t PPM_IORING_SETUP_ATTACH_WQ = 64u;
inline constexpr uint32_t PPM_IORING_SETUP_R_DISABLED = 128u;
inline constexpr uint32_t PPM_IORING_FEAT_SINGLE_MMAP = 1u;
inline constexpr uint32_t PPM_IORING_FEAT_NODROP = 2u;
inline constexpr uint32_t PPM_IORING_FEAT_SUBMIT_STABLE = 4u;
inline constexpr uint32_t PPM_IORING_FEAT_RW_CUR_POS = 8u;
inline constexpr uint32_t PPM_IORING_FEAT_CUR_PERSONALITY = 16u;
inline constexpr uint32_t PPM_IORING_FEAT_FAST_POLL = 32u;
inline constexpr uint32_t PPM_IORING_FEAT_POLL_32BITS = 64u;
inline constexpr uint32_t PPM_IORING_FEAT_SQPOLL_NONFIXED = 128u;
inline constexpr uint32_t PPM_IORING_FEAT_ENTER_EXT_ARG = 256u;
inline constexpr uint32_t PPM_IORING_FEAT_NATIVE_WORKERS = 512u;
inline constexpr uint32_t PPM_IORING_FEAT_RSRC_TAGS = 0x400u;
inline constexpr uint32_t PPM_IORING_ENTER_GETEVENTS = 1u;
inline constexpr uint32_t PPM_IORING_ENTER_SQ_WAKEUP = 2u;
inline constexpr uint32_t PPM_IORING_ENTER_SQ_WAIT = 4u;
inline constexpr uint32_t PPM_IORING_ENTER_EXT_ARG = 8u;
inline constexpr uint32_t PPM_IORING_REGISTER_BUFFERS = 0u;
inline constexpr uint32_t PPM_IORING_UNREGISTER_BUFFERS = 1u;
inline constexpr uint32_t PPM_IORING_REGISTER_FILES = 2u;
inline constexpr uint32_t PPM_IORING_UNREGISTER_FILES = 3u;
inline constexpr uint32_t PPM_IORING_REGISTER_EVENTFD = 4u;
inline constexpr uint32_t PPM_IORING_UNREGISTER_EVENTFD = 5u;
inline constexpr uint32_t PPM_IORING_REGISTER_FILES_UPDATE = 6u;
inline constexpr uint32_t PPM_IORING_REGISTER_EVENTFD_ASYNC = 7u;
inline constexpr uint32_t PPM_IORING_REGISTER_PROBE = 8u;
inline constexpr uint32_t PPM_IORING_REGISTER_PERSONALITY = 9u;
inline constexpr uint32_t PPM_IORING_UNREGISTER_PERSONALITY = 10u;
inline constexpr uint32_t PPM_IORING_REGISTER_RESTRICTIONS = 11u;
inline constexpr uint32_t PPM_IORING_REGISTER_ENABLE_RINGS = 12u;
inline constexpr uint32_t PPM_IORING_REGISTER_FILES2 = 13u;
inline constexpr uint32_t PPM_IORING_REGISTER_FILES_UPDATE2 = 14u;
inline constexpr uint32_t PPM_IORING_REGISTER_BUFFERS2 = 15u;
inline constexpr uint32_t PPM_IORING_REGISTER_BUFFERS_UPDATE = 16u;
inline constexpr uint32_t PPM_IORING_REGISTER_IOWQ_AFF = 17u;
inline constexpr uint32_t PPM_IORING_UNREGISTER_IOWQ_AFF = 18u;
inline constexpr uint32_t PPM_IORING_REGISTER_IOWQ_MAX_WORKERS = 19u;
inline constexpr uint32_t PPM_IORING_REGISTER_RING_FDS = 20u;
inline constexpr uint32_t PPM_IORING_UNREGISTER_RING_FDS = 21u;

inline constexpr uint32_t PPM_MLOCKALL_MCL_CURRENT = 1u;
inline constexpr uint32_t PPM_MLOCKALL_MCL_FUTURE = 2u;
inline constexpr uint32_t PPM_MLOCKALL_MCL_ONFAULT = 4u;

inline constexpr uint32_t PPM_MLOCK_ONFAULT = 1u;

inline constexpr uint32_t PPM_MFD_CLOEXEC = 1u;
inline constexpr uint32_t PPM_MFD_ALLOW_SEALING = 2u;
inline constexpr uint32_t PPM_MFD_HUGETLB = 4u;

inline constexpr uint32_t PPM_FSCONFIG_SET_FLAG = 0u;
inline constexpr uint32_t PPM_FSCONFIG_SET_STRING = 1u;
inline constexpr uint32_t PPM_FSCONFIG_SET_BINARY = 2u;
inline constexpr uint32_t PPM_FSCONFIG_SET_PATH = 3u;
inline constexpr uint32_t PPM_FSCONFIG_SET_PATH_EMPTY = 4u;
inline constexpr uint32_t PPM_FSCONFIG_SET_FD = 5u;
inline constexpr uint32_t PPM_FSCONFIG_CMD_CREATE = 6u;
inline constexpr uint32_t PPM_FSCONFIG_CMD_RECONFIGURE = 7u;

inline constexpr uint32_t PPM_EPOLL_CLOEXEC = 1u;

inline constexpr uint32_t PPM_PR_SET_PDEATHSIG = 1u;
inline constexpr uint32_t PPM_PR_GET_PDEATHSIG = 2u;
inline constexpr uint32_t PPM_PR_GET_DUMPABLE = 3u;
inline constexpr uint32_t PPM_PR_SET_DUMPABLE = 4u;
inline constexpr uint32_t PPM_PR_GET_UNALIGN = 5u;
inline constexpr uint32_t PPM_PR_SET_UNALIGN = 6u;
inline constexpr uint32_t PPM_PR_GET_KEEPCAPS = 7u;
inline constexpr uint32_t PPM_PR_SET_KEEPCAPS = 8u;
inline constexpr uint32_t PPM_PR_GET_FPEMU = 9u;
inline constexpr uint32_t PPM_PR_SET_FPEMU = 10u;
inline constexpr uint32_t PPM_PR_GET_FPEXC = 11u;
inline constexpr uint32_t PPM_PR_SET_FPEXC = 12u;
inline constexpr uint32_t PPM_PR_GET_TIMING = 13u;
inline constexpr uint32_t PPM_PR_SET_TIMING = 14u;
inline constexpr uint32_t PPM_PR_SET_NAME = 15u;
inline constexpr uint32_t PPM_PR_GET_NAME = 16u;
inline constexpr uint32_t PPM_PR_GET_ENDIAN = 19u;
inline constexpr uint32_t PPM_PR_SET_ENDIAN = 20u;
inline constexpr uint32_t PPM_PR_GET_SECCOMP = 21u;
inline constexpr uint32_t PPM_PR_SET_SECCOMP = 22u;
inline constexpr uint32_t PPM_PR_CAPBSET_READ = 23u;
inline constexpr uint32_t PPM_PR_CAPBSET_DROP = 24u;
inline constexpr uint32_t PPM_PR_GET_TSC = 25u;
inline constexpr uint32_t PPM_PR_SET_TSC = 26u;
inline constexpr uint32_t PPM_PR_GET_SECUREBITS = 27u;
inline constexpr uint32_t PPM_PR_SET_SECUREBITS = 28u;

inline constexpr uint32_t PPM_PIDFD_NONBLOCK = 1u;

inline constexpr uint32_t PPM_MODULE_INIT_IGNORE_MODVERSIONS = 1u;
inline constexpr uint32_t PPM_MODULE_INIT_IGNORE_VERMAGIC = 2u;
inline constexpr uint32_t PPM_MODULE_INIT_COMPRESSED_FILE = 4u;

inline constexpr uint32_t PPM_DELETE_MODULE_O_TRUNC = 1u;
inline constexpr uint32_t PPM_DELETE_MODULE_O_NONBLOCK = 2u;

inline constexpr uint32_t PPM_CLOSE_RANGE_UNSHARE = 2u;
inline constexpr uint32_t PPM_CLOSE_RANGE_CLOEXEC = 4u;

inline constexpr uint32_t PPM_BPF_MAP_CREATE = 0u;
inline constexpr uint32_t PPM_BPF_MAP_LOOKUP_ELEM = 1u;
inline constexpr uint32_t PPM_BPF_MAP_UPDATE_ELEM = 2u;
inline constexpr uint32_t PPM_BPF_MAP_DELETE_ELEM = 3u;
inline constexpr uint32_t PPM_BPF_MAP_GET_NEXT_KEY = 4u;
inline constexpr uint32_t PPM_BPF_PROG_LOAD = 5u;
inline constexpr uint32_t PPM_BPF_OBJ_PIN = 6u;
inline constexpr uint32_t PPM_BPF_OBJ_GET = 7u;
inline constexpr uint32_t PPM_BPF_PROG_ATTACH = 8u;
inline constexpr uint32_t PPM_BPF_PROG_DETACH = 9u;
inline constexpr uint32_t PPM_BPF_PROG_TEST_RUN = 10u;
inline constexpr uint32_t PPM_BPF_PROG_RUN = 10u;
inline constexpr uint32_t PPM_BPF_PROG_GET_NEXT_ID = 11u;
inline constexpr uint32_t PPM_BPF_MAP_GET_NEXT_ID = 12u;
inline constexpr uint32_t PPM_BPF_PROG_GET_FD_BY_ID = 13u;
inline constexpr uint32_t PPM_BPF_MAP_GET_FD_BY_ID = 14u;
inline constexpr uint32_t PPM_BPF_OBJ_GET_INFO_BY_FD = 15u;
inline constexpr uint32_t PPM_BPF_PROG_QUERY = 16u;
inline constexpr uint32_t PPM_BPF_RAW_TRACEPOINT_OPEN = 17u;
inline constexpr uint32_t PPM_BPF_BTF_LOAD = 18u;
inline constexpr uint32_t PPM_BPF_BTF_GET_FD_BY_ID = 19u;
inline constexpr uint32_t PPM_BPF_TASK_FD_QUERY = 20u;
inline constexpr uint32_t PPM_BPF_MAP_LOOKUP_AND_DELETE_ELEM = 21u;
inline constexpr uint32_t PPM_BPF_MAP_FREEZE = 22u;
inline constexpr uint32_t PPM_BPF_BTF_GET_NEXT_ID = 23u;
inline constexpr uint32_t PPM_BPF_MAP_LOOKUP_BATCH = 24u;
inline constexpr uint32_t PPM_BPF_MAP_LOOKUP_AND_DELETE_BATCH = 25u;
inline constexpr uint32_t PPM_BPF_MAP_UPDATE_BATCH = 26u;
inline constexpr uint32_t PPM_BPF_MAP_DELETE_BATCH = 27u;
inline constexpr uint32_t PPM_BPF_LINK_CREATE = 28u;
inline constexpr uint32_t PPM_BPF_LINK_UPDATE = 29u;
inline constexpr uint32_t PPM_BPF_LINK_GET_FD_BY_ID = 30u;
inline constexpr uint32_t PPM_BPF_LINK_GET_NEXT_ID = 31u;
inline constexpr uint32_t PPM_BPF_ENABLE_STATS = 32u;
inline constexpr uint32_t PPM_BPF_ITER_CREATE = 33u;
inline constexpr uint32_t PPM_BPF_LINK_DETACH = 34u;
inline constexpr uint32_t PPM_BPF_PROG_BIND_MAP = 35u;

inline constexpr uint32_t PPM_PR_SET_TIMERSLACK = 29u;
inline constexpr uint32_t PPM_PR_GET_TIMERSLACK = 30u;
inline constexpr uint32_t PPM_PR_TASK_PERF_EVENTS_DISABLE = 31u;
inline constexpr uint32_t PPM_PR_TASK_PERF_EVENTS_ENABLE = 32u;
inline constexpr uint32_t PPM_PR_MCE_KILL = 33u;
inline constexpr uint32_t PPM_PR_MCE_KILL_GET = 34u;
inline constexpr uint32_t PPM_PR_SET_MM = 35u;
inline constexpr uint32_t PPM_PR_SET_PTRACER = 0x59616d61u;
inline constexpr uint32_t PPM_PR_SET_CHILD_SUBREAPER = 36u;
inline constexpr uint32_t PPM_PR_GET_CHILD_SUBREAPER = 37u;
inline constexpr uint32_t PPM_PR_SET_NO_NEW_PRIVS = 38u;
inline constexpr uint32_t PPM_PR_GET_NO_NEW_PRIVS = 39u;
inline constexpr uint32_t PPM_PR_GET_TID_ADDRESS = 40u;
inline constexpr uint32_t PPM_PR_SET_THP_DISABLE = 41u;
inline constexpr uint32_t PPM_PR_GET_THP_DISABLE = 42u;
inline constexpr uint32_t PPM_PR_MPX_ENABLE_MANAGEMENT = 43u;
inline constexpr uint32_t PPM_PR_MPX_DISABLE_MANAGEMENT = 44u;
inline constexpr uint32_t PPM_PR_SET_FP_MODE = 45u;
inline constexpr uint32_t PPM_PR_GET_FP_MODE = 46u;
inline constexpr uint32_t PPM_PR_CAP_AMBIENT = 47u;
inline constexpr uint32_t PPM_PR_SVE_SET_VL = 50u;
inline constexpr uint32_t PPM_PR_SVE_GET_VL = 51u;
inline constexpr uint32_t PPM_PR_GET_SPECULATION_CTRL = 52u;
inline constexpr uint32_t PPM_PR_SET_SPECULATION_CTRL = 53u;
inline constexpr uint32_t PPM_PR_PAC_RESET_KEYS = 54u;
inline constexpr uint32_t PPM_PR_SET_TAGGED_ADDR_CTRL = 55u;
inline constexpr uint32_t PPM_PR_GET_TAGGED_ADDR_CTRL = 56u;
inline constexpr uint32_t PPM_PR_SET_IO_FLUSHER = 57u;
inline constexpr uint32_t PPM_PR_GET_IO_FLUSHER = 58u;
inline constexpr uint32_t PPM_PR_SET_SYSCALL_USER_DISPATCH = 59u;
inline constexpr uint32_t PPM_PR_PAC_SET_ENABLED_KEYS = 60u;
inline constexpr uint32_t PPM_PR_PAC_GET_ENABLED_KEYS = 61u;
inline constexpr uint32_t PPM_PR_SCHED_CORE = 62u;
inline constexpr uint32_t PPM_PR_SME_SET_VL = 63u;
inline constexpr uint32_t PPM_PR_SME_GET_VL = 64u;
inline constexpr uint32_t PPM_PR_SET_VMA = 0x53564d41u;

inline constexpr uint32_t PPM_KEYCTL_GET_KEYRING_ID = 0u;
inline constexpr uint32_t PPM_KEYCTL_JOIN_SESSION_KEYRING = 1u;
inline constexpr uint32_t PPM_KEYCTL_UPDATE = 2u;
inline constexpr uint32_t PPM_KEYCTL_REVOKE = 3u;
inline constexpr uint32_t PPM_KEYCTL_CHOWN = 4u;
inline constexpr uint32_t PPM_KEYCTL_SETPERM = 5u;
inline constexpr uint32_t PPM_KEYCTL_DESCRIBE = 6u;
inline constexpr uint32_t PPM_KEYCTL_CLEAR = 7u;
inline constexpr uint32_t PPM_KEYCTL_LINK = 8u;
inline constexpr uint32_t PPM_KEYCTL_UNLINK = 9u;
inline constexpr uint32_t PPM_KEYCTL_SEARCH = 10u;
inline constexpr uint32_t PPM_KEYCTL_READ = 11u;
inline constexpr uint32_t PPM_KEYCTL_INSTANTIATE = 12u;
inline constexpr uint32_t PPM_KEYCTL_NEGATE = 13u;
inline constexpr uint32_t PPM_KEYCTL_SET_REQKEY_KEYRING = 14u;
inline constexpr uint32_t PPM_KEYCTL_SET_TIMEOUT = 15u;
inline constexpr uint32_t PPM_KEYCTL_ASSUME_AUTHORITY = 16u;
inline constexpr uint32_t PPM_KEYCTL_GET_SECURITY = 17u;
inline constexpr uint32_t PPM_KEYCTL_SESSION_TO_PARENT = 18u;
inline constexpr uint32_t PPM_KEYCTL_REJECT = 19u;
inline constexpr uint32_t PPM_KEYCTL_INSTANTIATE_IOV = 20u;
inline constexpr uint32_t PPM_KEYCTL_INVALIDATE = 21u;
inline constexpr uint32_t PPM_KEYCTL_GET_PERSISTENT = 22u;
inline constexpr uint32_t PPM_KEYCTL_DH_COMPUTE = 23u;
inline constexpr uint32_t PPM_KEYCTL_PKEY_QUERY = 24u;
inline constexpr uint32_t PPM_KEYCTL_PKEY_ENCRYPT = 25u;
inline constexpr uint32_t PPM_KEYCTL_PKEY_DECRYPT = 26u;
inline constexpr uint32_t PPM_KEYCTL_PKEY_SIGN = 27u;
inline constexpr uint32_t PPM_KEYCTL_PKEY_VERIFY = 28u;
inline constexpr uint32_t PPM_KEYCTL_RESTRICT_KEYRING = 29u;
inline constexpr uint32_t PPM_KEYCTL_MOVE = 30u;
inline constexpr uint32_t PPM_KEYCTL_CAPABILITIES = 31u;
inline constexpr uint32_t PPM_KEYCTL_WATCH_KEY = 32u;

inline constexpr uint32_t PPM_CAP_CHOWN = 1u;
inline constexpr uint32_t PPM_CAP_DAC_OVERRIDE = 2u;
inline constexpr uint32_t PPM_CAP_DAC_READ_SEARCH = 4u;
inline constexpr uint32_t PPM_CAP_FOWNER = 8u;
inline constexpr uint32_t PPM_CAP_FSETID = 16u;
inline constexpr uint32_t PPM_CAP_KILL = 32u;
inline constexpr uint32_t PPM_CAP_SETGID = 64u;
inline constexpr uint32_t PPM_CAP_SETUID = 128u;
inline constexpr uint32_t PPM_CAP_SETPCAP = 256u;
inline constexpr uint32_t PPM_CAP_LINUX_IMMUTABLE = 512u;
inline constexpr uint32_t PPM_CAP_NET_BIND_SERVICE = 0x400u;
inline constexpr uint32_t PPM_CAP_NET_BROADCAST = 0x800u;
inline constexpr uint32_t PPM_CAP_NET_ADMIN = 0x1000u;
inline constexpr uint32_t PPM_CAP_NET_RAW = 0x2000u;
inline constexpr uint32_t PPM_CAP_IPC_LOCK = 0x4000u;
inline constexpr uint32_t PPM_CAP_IPC_OWNER = 0x8000u;
inline constexpr uint32_t PPM_CAP_SYS_MODULE = 0x10000u;
inline constexpr uint32_t PPM_CAP_SYS_RAWIO = 0x20000u;
inline constexpr uint32_t PPM_CAP_SYS_CHROOT = 0x40000u;
inline constexpr uint32_t PPM_CAP_SYS_PTRACE = 0x80000u;
inline constexpr uint32_t PPM_CAP_SYS_PACCT = 0x100000u;
inline constexpr uint32_t PPM_CAP_SYS_ADMIN = 0x200000u;
inline constexpr uint32_t PPM_CAP_SYS_BOOT = 0x400000u;
inline constexpr uint32_t PPM_CAP_SYS_NICE = 0x800000u;
inline constexpr uint32_t PPM_CAP_SYS_RESOURCE = 0x1000000u;
inline constexpr uint32_t PPM_CAP_SYS_TIME = 0x2000000u;
inline constexpr uint32_t PPM_CAP_SYS_TTY_CONFIG = 0x4000000u;
inline constexpr uint32_t PPM_CAP_MKNOD = 0x8000000u;
inline constexpr uint32_t PPM_CAP_LEASE = 0x10000000u;
inline constexpr uint32_t PPM_CAP_AUDIT_WRITE = 0x20000000u;
inline constexpr uint32_t PPM_CAP_AUDIT_CONTROL = 0x40000000u;
inline constexpr uint32_t PPM_CAP_SETFCAP = 0x80000000u;
inline constexpr uint64_t PPM_CAP_MAC_OVERRIDE = 0x100000000ULL;
inline constexpr uint64_t PPM_CAP_MAC_ADMIN = 0x200000000ULL;
inline constexpr uint64_t PPM_CAP_SYSLOG = 0x400000000ULL;
inline constexpr uint64_t PPM_CAP_WAKE_ALARM = 0x800000000ULL;
inline constexpr uint64_t PPM_CAP_BLOCK_SUSPEND = 0x1000000000ULL;
inline constexpr uint64_t PPM_CAP_AUDIT_READ = 0x2000000000ULL;
inline constexpr uint64_t PPM_CAP_PERFMON = 0x4000000000ULL;
inline constexpr uint64_t PPM_CAP_BPF = 0x8000000000ULL;
inline constexpr uint64_t PPM_CAP_CHECKPOINT_RESTORE = 0x10000000000ULL;

inline constexpr uint32_t PPM_MAX_AUTOFILL_ARGS = 4u;
inline constexpr uint32_t PPM_MAX_ARG_SIZE = 0xfde8u;

inline constexpr uint32_t PPM_SUCCESS = 0u;

inline constexpr int32_t PPM_FAILURE_BUFFER_FULL = -1;
inline constexpr int32_t PPM_FAILURE_INVALID_USER_MEMORY = -2;
inline constexpr int32_t PPM_FAILURE_BUG = -3;

inline constexpr int32_t PPM_SKIP_EVENT = -4;

inline constexpr int32_t PPM_FAILURE_FRAME_SCRATCH_MAP_FULL = -5;

}  // namespace saker::events
