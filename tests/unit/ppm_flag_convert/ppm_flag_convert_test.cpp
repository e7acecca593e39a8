// The shared native -> PPM flag converters (engine/events/ppm_flag_convert.h), fed with the C
// library's own constants; the expected values are the scap format's (ppm_flags.h, and the
// drivers' public header for the literal bit positions).
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>  // RENAME_*
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>

#include <cstdint>

#include <gtest/gtest.h>

#include "engine/events/ppm_flag_convert.h"

namespace saker::events {
namespace {

// The header spells the uapi values itself (vmlinux.h has no macros); they must be libc's.
TEST(PpmFlagConvert, NativeConstantsAreTheCLibrarys) {
  EXPECT_EQ(UAPI_O_ACCMODE, static_cast<uint32_t>(O_ACCMODE));
  EXPECT_EQ(UAPI_O_WRONLY, static_cast<uint32_t>(O_WRONLY));
  EXPECT_EQ(UAPI_O_RDWR, static_cast<uint32_t>(O_RDWR));
  EXPECT_EQ(UAPI_O_CREAT, static_cast<uint32_t>(O_CREAT));
  EXPECT_EQ(UAPI_O_EXCL, static_cast<uint32_t>(O_EXCL));
  EXPECT_EQ(UAPI_O_TRUNC, static_cast<uint32_t>(O_TRUNC));
  EXPECT_EQ(UAPI_O_APPEND, static_cast<uint32_t>(O_APPEND));
  EXPECT_EQ(UAPI_O_NONBLOCK, static_cast<uint32_t>(O_NONBLOCK));
  EXPECT_EQ(UAPI_O_DSYNC, static_cast<uint32_t>(O_DSYNC));
  EXPECT_EQ(UAPI_O_DIRECT, static_cast<uint32_t>(O_DIRECT));
  EXPECT_EQ(UAPI_O_DIRECTORY, static_cast<uint32_t>(O_DIRECTORY));
  EXPECT_EQ(UAPI_O_CLOEXEC, static_cast<uint32_t>(O_CLOEXEC));
  EXPECT_EQ(UAPI_O_SYNC, static_cast<uint32_t>(O_SYNC));
  EXPECT_EQ(UAPI_O_TMPFILE, static_cast<uint32_t>(O_TMPFILE));
  // 64-bit glibc defines O_LARGEFILE as 0 (it is implied); the kernel's bit is 0100000.
  EXPECT_EQ(UAPI_O_LARGEFILE, 0100000u);
  EXPECT_EQ(UAPI_AT_SYMLINK_NOFOLLOW, static_cast<uint32_t>(AT_SYMLINK_NOFOLLOW));
  EXPECT_EQ(UAPI_AT_REMOVEDIR, static_cast<uint32_t>(AT_REMOVEDIR));
  EXPECT_EQ(UAPI_AT_SYMLINK_FOLLOW, static_cast<uint32_t>(AT_SYMLINK_FOLLOW));
  EXPECT_EQ(UAPI_AT_EMPTY_PATH, static_cast<uint32_t>(AT_EMPTY_PATH));
  EXPECT_EQ(UAPI_S_IFMT, static_cast<uint32_t>(S_IFMT));
  EXPECT_EQ(UAPI_S_IFSOCK, static_cast<uint32_t>(S_IFSOCK));
  EXPECT_EQ(UAPI_S_IFREG, static_cast<uint32_t>(S_IFREG));
  EXPECT_EQ(UAPI_S_IFBLK, static_cast<uint32_t>(S_IFBLK));
  EXPECT_EQ(UAPI_S_IFCHR, static_cast<uint32_t>(S_IFCHR));
  EXPECT_EQ(UAPI_S_IFIFO, static_cast<uint32_t>(S_IFIFO));
  EXPECT_EQ(UAPI_S_PERM_BITS, static_cast<uint32_t>(S_ISUID | S_ISGID | S_ISVTX | ACCESSPERMS));
  EXPECT_EQ(UAPI_CLONE_VM, static_cast<uint32_t>(CLONE_VM));
  EXPECT_EQ(UAPI_CLONE_FS, static_cast<uint32_t>(CLONE_FS));
  EXPECT_EQ(UAPI_CLONE_FILES, static_cast<uint32_t>(CLONE_FILES));
  EXPECT_EQ(UAPI_CLONE_SIGHAND, static_cast<uint32_t>(CLONE_SIGHAND));
  EXPECT_EQ(UAPI_CLONE_PTRACE, static_cast<uint32_t>(CLONE_PTRACE));
  EXPECT_EQ(UAPI_CLONE_VFORK, static_cast<uint32_t>(CLONE_VFORK));
  EXPECT_EQ(UAPI_CLONE_PARENT, static_cast<uint32_t>(CLONE_PARENT));
  EXPECT_EQ(UAPI_CLONE_THREAD, static_cast<uint32_t>(CLONE_THREAD));
  EXPECT_EQ(UAPI_CLONE_NEWNS, static_cast<uint32_t>(CLONE_NEWNS));
  EXPECT_EQ(UAPI_CLONE_SYSVSEM, static_cast<uint32_t>(CLONE_SYSVSEM));
  EXPECT_EQ(UAPI_CLONE_SETTLS, static_cast<uint32_t>(CLONE_SETTLS));
  EXPECT_EQ(UAPI_CLONE_PARENT_SETTID, static_cast<uint32_t>(CLONE_PARENT_SETTID));
  EXPECT_EQ(UAPI_CLONE_CHILD_CLEARTID, static_cast<uint32_t>(CLONE_CHILD_CLEARTID));
  EXPECT_EQ(UAPI_CLONE_UNTRACED, static_cast<uint32_t>(CLONE_UNTRACED));
  EXPECT_EQ(UAPI_CLONE_CHILD_SETTID, static_cast<uint32_t>(CLONE_CHILD_SETTID));
  EXPECT_EQ(UAPI_CLONE_NEWCGROUP, static_cast<uint32_t>(CLONE_NEWCGROUP));
  EXPECT_EQ(UAPI_CLONE_NEWUTS, static_cast<uint32_t>(CLONE_NEWUTS));
  EXPECT_EQ(UAPI_CLONE_NEWIPC, static_cast<uint32_t>(CLONE_NEWIPC));
  EXPECT_EQ(UAPI_CLONE_NEWUSER, static_cast<uint32_t>(CLONE_NEWUSER));
  EXPECT_EQ(UAPI_CLONE_NEWPID, static_cast<uint32_t>(CLONE_NEWPID));
  EXPECT_EQ(UAPI_CLONE_NEWNET, static_cast<uint32_t>(CLONE_NEWNET));
  EXPECT_EQ(UAPI_CLONE_IO, static_cast<uint32_t>(CLONE_IO));
  EXPECT_EQ(UAPI_MS_MGC_MSK, static_cast<uint32_t>(MS_MGC_MSK));
  EXPECT_EQ(UAPI_MS_MGC_VAL, static_cast<uint32_t>(MS_MGC_VAL));
  EXPECT_EQ(UAPI_MNT_FORCE, static_cast<uint32_t>(MNT_FORCE));
  EXPECT_EQ(UAPI_MNT_DETACH, static_cast<uint32_t>(MNT_DETACH));
  EXPECT_EQ(UAPI_MNT_EXPIRE, static_cast<uint32_t>(MNT_EXPIRE));
  EXPECT_EQ(UAPI_UMOUNT_NOFOLLOW, static_cast<uint32_t>(UMOUNT_NOFOLLOW));
  EXPECT_EQ(UAPI_MFD_CLOEXEC, static_cast<uint32_t>(MFD_CLOEXEC));
  EXPECT_EQ(UAPI_MFD_ALLOW_SEALING, static_cast<uint32_t>(MFD_ALLOW_SEALING));
  EXPECT_EQ(UAPI_MFD_HUGETLB, static_cast<uint32_t>(MFD_HUGETLB));
  EXPECT_EQ(UAPI_PROT_READ, static_cast<uint32_t>(PROT_READ));
  EXPECT_EQ(UAPI_PROT_WRITE, static_cast<uint32_t>(PROT_WRITE));
  EXPECT_EQ(UAPI_PROT_EXEC, static_cast<uint32_t>(PROT_EXEC));
  EXPECT_EQ(UAPI_PROT_GROWSDOWN, static_cast<uint32_t>(PROT_GROWSDOWN));
  EXPECT_EQ(UAPI_PROT_GROWSUP, static_cast<uint32_t>(PROT_GROWSUP));
  EXPECT_EQ(UAPI_SHUT_RD, static_cast<uint32_t>(SHUT_RD));
  EXPECT_EQ(UAPI_SHUT_WR, static_cast<uint32_t>(SHUT_WR));
  EXPECT_EQ(UAPI_SHUT_RDWR, static_cast<uint32_t>(SHUT_RDWR));
  EXPECT_EQ(UAPI_F_DUPFD, static_cast<uint32_t>(F_DUPFD));
  EXPECT_EQ(UAPI_F_GETLK, static_cast<uint32_t>(F_GETLK));
  EXPECT_EQ(UAPI_F_SETOWN_EX, static_cast<uint32_t>(F_SETOWN_EX));
  EXPECT_EQ(UAPI_F_OFD_SETLKW, static_cast<uint32_t>(F_OFD_SETLKW));
  EXPECT_EQ(UAPI_F_SETLEASE, static_cast<uint32_t>(F_SETLEASE));
  EXPECT_EQ(UAPI_F_NOTIFY, static_cast<uint32_t>(F_NOTIFY));
  EXPECT_EQ(UAPI_F_DUPFD_CLOEXEC, static_cast<uint32_t>(F_DUPFD_CLOEXEC));
  EXPECT_EQ(UAPI_F_GETPIPE_SZ, static_cast<uint32_t>(F_GETPIPE_SZ));
  EXPECT_EQ(UAPI_PTRACE_PEEKUSR, static_cast<uint32_t>(PTRACE_PEEKUSER));
  EXPECT_EQ(UAPI_PTRACE_POKEUSR, static_cast<uint32_t>(PTRACE_POKEUSER));
  EXPECT_EQ(UAPI_PTRACE_SEIZE, static_cast<uint32_t>(PTRACE_SEIZE));
  EXPECT_EQ(UAPI_PTRACE_SETSIGMASK, static_cast<uint32_t>(PTRACE_SETSIGMASK));
}

TEST(PpmFlagConvert, OpenFlags) {
  EXPECT_EQ(open_flags_to_ppm(O_RDONLY), PPM_O_RDONLY);
  EXPECT_EQ(open_flags_to_ppm(O_WRONLY | O_CREAT | O_CLOEXEC),
            PPM_O_WRONLY | PPM_O_CREAT | PPM_O_CLOEXEC);
  EXPECT_EQ(open_flags_to_ppm(O_RDWR | O_TRUNC | O_APPEND | O_EXCL | O_NONBLOCK),
            PPM_O_RDWR | PPM_O_TRUNC | PPM_O_APPEND | PPM_O_EXCL | PPM_O_NONBLOCK);
  EXPECT_EQ(open_flags_to_ppm(O_RDONLY | O_DIRECTORY | O_CLOEXEC),
            PPM_O_RDONLY | PPM_O_DIRECTORY | PPM_O_CLOEXEC);  // not O_TMPFILE
  EXPECT_EQ(open_flags_to_ppm(O_TMPFILE | O_RDWR),
            PPM_O_RDWR | PPM_O_TMPFILE | PPM_O_DIRECTORY);
  EXPECT_EQ(open_flags_to_ppm(O_WRONLY | O_DSYNC), PPM_O_WRONLY | PPM_O_DSYNC);  // not O_SYNC
  EXPECT_EQ(open_flags_to_ppm(O_WRONLY | O_SYNC), PPM_O_WRONLY | PPM_O_SYNC | PPM_O_DSYNC);
  EXPECT_EQ(open_flags_to_ppm(O_RDONLY | O_DIRECT | 0100000), PPM_O_RDONLY | PPM_O_DIRECT | PPM_O_LARGEFILE);
  // O_ACCMODE == 3 is not a valid access mode; reported as read-only, as the drivers do.
  EXPECT_EQ(open_flags_to_ppm(O_ACCMODE), PPM_O_RDONLY);
  // The bit positions of the scap format (driver/ppm_events_public.h).
  EXPECT_EQ(open_flags_to_ppm(O_WRONLY | O_CREAT | O_TRUNC), (1u << 1) | (1u << 2) | (1u << 8));
  EXPECT_EQ(open_flags_to_ppm(O_RDWR | O_CLOEXEC), 3u | (1u << 12));
}

TEST(PpmFlagConvert, OpenModeOnlyWithCreateOrTmpfile) {
  EXPECT_EQ(open_mode_to_ppm(O_WRONLY | O_CREAT, 0644),
            PPM_S_IRUSR | PPM_S_IWUSR | PPM_S_IRGRP | PPM_S_IROTH);
  EXPECT_EQ(open_mode_to_ppm(O_TMPFILE | O_RDWR, 0600), PPM_S_IRUSR | PPM_S_IWUSR);
  EXPECT_EQ(open_mode_to_ppm(O_RDONLY, 0644), 0u);
  EXPECT_EQ(open_mode_to_ppm(O_CREAT, S_IFREG | S_ISUID | S_ISGID | S_ISVTX | 0755),
            PPM_S_ISUID | PPM_S_ISGID | PPM_S_ISVTX | PPM_S_IRUSR | PPM_S_IWUSR | PPM_S_IXUSR |
                PPM_S_IRGRP | PPM_S_IXGRP | PPM_S_IROTH | PPM_S_IXOTH);
  EXPECT_EQ(chmod_mode_to_ppm(S_IFDIR | 01777), PPM_S_ISVTX | 0777u);
}

TEST(PpmFlagConvert, MknodModeCarriesTheFileType) {
  EXPECT_EQ(mknod_mode_to_ppm(S_IFIFO | 0600), PPM_S_IFIFO | PPM_S_IRUSR | PPM_S_IWUSR);
  EXPECT_EQ(mknod_mode_to_ppm(S_IFCHR | 0666), PPM_S_IFCHR | 0666u);
  EXPECT_EQ(mknod_mode_to_ppm(S_IFBLK | 0660), PPM_S_IFBLK | 0660u);
  EXPECT_EQ(mknod_mode_to_ppm(S_IFSOCK | 0777), PPM_S_IFSOCK | 0777u);
  EXPECT_EQ(mknod_mode_to_ppm(S_IFREG | 0644), PPM_S_IFREG | 0644u);
  EXPECT_EQ(mknod_mode_to_ppm(0644), PPM_S_IFREG | 0644u);  // no type: a regular file
  EXPECT_EQ(mknod_mode_to_ppm(S_IFDIR | 0755), 0755u);       // not a mknod type
}

TEST(PpmFlagConvert, CloneFlags) {
  // What glibc's pthread_create passes.
  const uint64_t thread = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                          CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
                          CLONE_CHILD_CLEARTID;
  EXPECT_EQ(clone_flags_to_ppm(thread),
            PPM_CL_CLONE_VM | PPM_CL_CLONE_FS | PPM_CL_CLONE_FILES | PPM_CL_CLONE_SIGHAND |
                PPM_CL_CLONE_THREAD | PPM_CL_CLONE_SYSVSEM | PPM_CL_CLONE_SETTLS |
                PPM_CL_CLONE_PARENT_SETTID | PPM_CL_CLONE_CHILD_CLEARTID);
  // fork() through clone: the exit signal in the low byte is not a flag.
  EXPECT_EQ(clone_flags_to_ppm(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD),
            PPM_CL_CLONE_CHILD_SETTID | PPM_CL_CLONE_CHILD_CLEARTID);
  EXPECT_EQ(clone_flags_to_ppm(CLONE_VM | CLONE_VFORK | SIGCHLD), PPM_CL_CLONE_VM | PPM_CL_CLONE_VFORK);
  EXPECT_EQ(clone_flags_to_ppm(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET |
                               CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWCGROUP),
            PPM_CL_CLONE_NEWUSER | PPM_CL_CLONE_NEWNS | PPM_CL_CLONE_NEWPID | PPM_CL_CLONE_NEWNET |
                PPM_CL_CLONE_NEWUTS | PPM_CL_CLONE_NEWIPC | PPM_CL_CLONE_NEWCGROUP);
  EXPECT_EQ(clone_flags_to_ppm(static_cast<uint32_t>(CLONE_IO) | CLONE_PARENT | CLONE_PTRACE |
                               CLONE_UNTRACED),
            PPM_CL_CLONE_IO | PPM_CL_CLONE_PARENT | PPM_CL_CLONE_PTRACE | PPM_CL_CLONE_UNTRACED);
  // clone3-only flags above bit 31 (CLONE_CLEAR_SIGHAND, CLONE_INTO_CGROUP) have no PPM bit.
  EXPECT_EQ(clone_flags_to_ppm(0x100000000ull | 0x200000000ull), 0u);
  // Bit positions (driver/ppm_events_public.h): FILES 0, FS 1, IO 2, VM 15, THREAD 13.
  EXPECT_EQ(clone_flags_to_ppm(CLONE_FILES | CLONE_FS | static_cast<uint32_t>(CLONE_IO)), 7u);
  EXPECT_EQ(clone_flags_to_ppm(CLONE_VM | CLONE_THREAD), (1u << 15) | (1u << 13));
}

TEST(PpmFlagConvert, NonblockCloexecOfSocketTypesAndFdCreators) {
  EXPECT_EQ(nonblock_cloexec_to_ppm(SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC),
            PPM_O_NONBLOCK | PPM_O_CLOEXEC);
  EXPECT_EQ(nonblock_cloexec_to_ppm(SOCK_DGRAM), 0u);
  EXPECT_EQ(nonblock_cloexec_to_ppm(SOCK_SEQPACKET | SOCK_CLOEXEC), PPM_O_CLOEXEC);
  EXPECT_EQ(nonblock_cloexec_to_ppm(SOCK_RAW | SOCK_NONBLOCK), PPM_O_NONBLOCK);
  EXPECT_EQ(nonblock_cloexec_to_ppm(EFD_NONBLOCK | EFD_SEMAPHORE), PPM_O_NONBLOCK);
  EXPECT_EQ(nonblock_cloexec_to_ppm(IN_CLOEXEC), PPM_O_CLOEXEC);
  EXPECT_EQ(nonblock_cloexec_to_ppm(TFD_NONBLOCK | TFD_CLOEXEC), PPM_O_NONBLOCK | PPM_O_CLOEXEC);
  EXPECT_EQ(nonblock_cloexec_to_ppm(SFD_CLOEXEC), PPM_O_CLOEXEC);
  // A negative int (refused by the kernel) is no flags, not every flag.
  EXPECT_EQ(nonblock_cloexec_to_ppm(-1), 0u);
  EXPECT_EQ(nonblock_cloexec_to_ppm(INT32_MIN | SOCK_CLOEXEC), 0u);
}

TEST(PpmFlagConvert, FdFlags) {
  EXPECT_EQ(pipe2_flags_to_ppm(O_CLOEXEC | O_NONBLOCK | O_DIRECT),
            PPM_O_CLOEXEC | PPM_O_NONBLOCK | PPM_O_DIRECT);
  EXPECT_EQ(pipe2_flags_to_ppm(-1), 0u);
  EXPECT_EQ(dup3_flags_to_ppm(O_CLOEXEC), PPM_O_CLOEXEC);
  EXPECT_EQ(dup3_flags_to_ppm(0), 0u);
  EXPECT_EQ(epoll_create1_flags_to_ppm(EPOLL_CLOEXEC), PPM_EPOLL_CLOEXEC);
  EXPECT_EQ(memfd_flags_to_ppm(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB),
            PPM_MFD_CLOEXEC | PPM_MFD_ALLOW_SEALING | PPM_MFD_HUGETLB);
  EXPECT_EQ(memfd_flags_to_ppm(MFD_HUGETLB | (21u << 26) /* MFD_HUGE_2MB */), PPM_MFD_HUGETLB);
  EXPECT_EQ(delete_module_flags_to_ppm(O_NONBLOCK | O_TRUNC),
            PPM_DELETE_MODULE_O_NONBLOCK | PPM_DELETE_MODULE_O_TRUNC);
}

TEST(PpmFlagConvert, PathFlags) {
  EXPECT_EQ(linkat_flags_to_ppm(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH),
            PPM_AT_SYMLINK_FOLLOW | PPM_AT_EMPTY_PATH);
  EXPECT_EQ(linkat_flags_to_ppm(AT_SYMLINK_NOFOLLOW), 0u);
  EXPECT_EQ(unlinkat_flags_to_ppm(AT_REMOVEDIR), PPM_AT_REMOVEDIR);
  EXPECT_EQ(unlinkat_flags_to_ppm(0), 0u);
  EXPECT_EQ(renameat2_flags_to_ppm(RENAME_NOREPLACE), PPM_RENAME_NOREPLACE);
  EXPECT_EQ(renameat2_flags_to_ppm(RENAME_EXCHANGE | RENAME_WHITEOUT | (1u << 7)),
            PPM_RENAME_EXCHANGE | PPM_RENAME_WHITEOUT);
  EXPECT_EQ(execveat_flags_to_ppm(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW),
            PPM_EXVAT_AT_EMPTY_PATH | PPM_EXVAT_AT_SYMLINK_NOFOLLOW);
}

TEST(PpmFlagConvert, MountFlags) {
  EXPECT_EQ(mount_flags_to_ppm(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_BIND | MS_REC),
            PPM_MS_RDONLY | PPM_MS_NOSUID | PPM_MS_NODEV | PPM_MS_BIND | PPM_MS_REC);
  EXPECT_EQ(mount_flags_to_ppm(MS_REMOUNT | MS_NOEXEC), PPM_MS_REMOUNT | PPM_MS_NOEXEC);
  // The pre-2.4 magic number in the top half is stripped.
  EXPECT_EQ(mount_flags_to_ppm(MS_MGC_VAL | MS_RDONLY | MS_NOSUID), PPM_MS_RDONLY | PPM_MS_NOSUID);
  EXPECT_EQ(umount2_flags_to_ppm(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW),
            PPM_MNT_FORCE | PPM_MNT_DETACH | PPM_MNT_EXPIRE | PPM_UMOUNT_NOFOLLOW);
  EXPECT_EQ(umount2_flags_to_ppm(MNT_DETACH), PPM_MNT_DETACH);
}

TEST(PpmFlagConvert, ProtShutdownAndFamilies) {
  EXPECT_EQ(prot_to_ppm(PROT_READ | PROT_WRITE | PROT_EXEC),
            PPM_PROT_READ | PPM_PROT_WRITE | PPM_PROT_EXEC);
  EXPECT_EQ(prot_to_ppm(PROT_NONE), 0u);
  EXPECT_EQ(prot_to_ppm(PROT_READ | PROT_GROWSDOWN), PPM_PROT_READ | PPM_PROT_GROWSDOWN);
  EXPECT_EQ(prot_to_ppm(PROT_GROWSUP), PPM_PROT_GROWSUP);
  EXPECT_EQ(shutdown_how_to_ppm(SHUT_RD), PPM_SHUT_RD);
  EXPECT_EQ(shutdown_how_to_ppm(SHUT_WR), PPM_SHUT_WR);
  EXPECT_EQ(shutdown_how_to_ppm(SHUT_RDWR), PPM_SHUT_RDWR);
  EXPECT_EQ(shutdown_how_to_ppm(7), PPM_SHUT_UNKNOWN);
  EXPECT_EQ(PPM_SHUT_UNKNOWN, 0xffffu);
  EXPECT_EQ(socket_family_to_ppm(AF_UNIX), PPM_AF_UNIX);
  EXPECT_EQ(socket_family_to_ppm(AF_INET), 2u);
  EXPECT_EQ(socket_family_to_ppm(AF_INET6), 10u);
  EXPECT_EQ(socket_family_to_ppm(AF_NETLINK), PPM_AF_NETLINK);
  EXPECT_EQ(socket_family_to_ppm(AF_PACKET), PPM_AF_PACKET);
  EXPECT_EQ(socket_family_to_ppm(AF_NFC), PPM_AF_NFC);
  EXPECT_EQ(socket_family_to_ppm(AF_VSOCK), PPM_AF_UNSPEC);  // past the families scap names
}

TEST(PpmFlagConvert, FcntlCommands) {
  struct Case { uint64_t native; uint32_t ppm; };
  const Case cases[] = {
      {F_DUPFD, PPM_FCNTL_F_DUPFD}, {F_GETFD, PPM_FCNTL_F_GETFD}, {F_SETFD, PPM_FCNTL_F_SETFD},
      {F_GETFL, PPM_FCNTL_F_GETFL}, {F_SETFL, PPM_FCNTL_F_SETFL}, {F_GETLK, PPM_FCNTL_F_GETLK},
      {F_SETLK, PPM_FCNTL_F_SETLK}, {F_SETLKW, PPM_FCNTL_F_SETLKW},
      {F_SETOWN, PPM_FCNTL_F_SETOWN}, {F_GETOWN, PPM_FCNTL_F_GETOWN},
      {F_SETSIG, PPM_FCNTL_F_SETSIG}, {F_GETSIG, PPM_FCNTL_F_GETSIG},
      {F_SETOWN_EX, PPM_FCNTL_F_SETOWN_EX}, {F_GETOWN_EX, PPM_FCNTL_F_GETOWN_EX},
      {F_OFD_GETLK, PPM_FCNTL_F_OFD_GETLK}, {F_OFD_SETLK, PPM_FCNTL_F_OFD_SETLK},
      {F_OFD_SETLKW, PPM_FCNTL_F_OFD_SETLKW}, {F_SETLEASE, PPM_FCNTL_F_SETLEASE},
      {F_GETLEASE, PPM_FCNTL_F_GETLEASE}, {F_NOTIFY, PPM_FCNTL_F_NOTIFY},
      {1029 /* F_CANCELLK, kernel-internal in glibc */, PPM_FCNTL_F_CANCELLK},
      {F_DUPFD_CLOEXEC, PPM_FCNTL_F_DUPFD_CLOEXEC}, {F_SETPIPE_SZ, PPM_FCNTL_F_SETPIPE_SZ},
      {F_GETPIPE_SZ, PPM_FCNTL_F_GETPIPE_SZ},
      {F_ADD_SEALS, PPM_FCNTL_UNKNOWN}, {F_GET_SEALS, PPM_FCNTL_UNKNOWN},
      {F_DUPFD | (1ull << 32), PPM_FCNTL_UNKNOWN},
  };
  for (const Case& c : cases) EXPECT_EQ(fcntl_cmd_to_ppm(c.native), c.ppm) << "cmd " << c.native;
  EXPECT_EQ(PPM_FCNTL_F_DUPFD_CLOEXEC, 26u);  // driver/ppm_events_public.h
}

TEST(PpmFlagConvert, PtraceRequests) {
  struct Case { uint64_t native; uint32_t ppm; };
  const Case cases[] = {
      {PTRACE_TRACEME, PPM_PTRACE_TRACEME}, {PTRACE_PEEKTEXT, PPM_PTRACE_PEEKTEXT},
      {PTRACE_PEEKDATA, PPM_PTRACE_PEEKDATA}, {PTRACE_PEEKUSER, PPM_PTRACE_PEEKUSR},
      {PTRACE_POKETEXT, PPM_PTRACE_POKETEXT}, {PTRACE_POKEDATA, PPM_PTRACE_POKEDATA},
      {PTRACE_POKEUSER, PPM_PTRACE_POKEUSR}, {PTRACE_CONT, PPM_PTRACE_CONT},
      {PTRACE_KILL, PPM_PTRACE_KILL}, {PTRACE_SINGLESTEP, PPM_PTRACE_SINGLESTEP},
      {PTRACE_GETREGS, PPM_PTRACE_GETREGS}, {PTRACE_SETREGS, PPM_PTRACE_SETREGS},
      {PTRACE_GETFPREGS, PPM_PTRACE_GETFPREGS}, {PTRACE_SETFPREGS, PPM_PTRACE_SETFPREGS},
      {PTRACE_ATTACH, PPM_PTRACE_ATTACH}, {PTRACE_DETACH, PPM_PTRACE_DETACH},
      {PTRACE_GETFPXREGS, PPM_PTRACE_GETFPXREGS}, {PTRACE_SETFPXREGS, PPM_PTRACE_SETFPXREGS},
      {PTRACE_SYSCALL, PPM_PTRACE_SYSCALL},
      {PTRACE_GET_THREAD_AREA, PPM_PTRACE_GET_THREAD_AREA},
      {PTRACE_SET_THREAD_AREA, PPM_PTRACE_SET_THREAD_AREA},
      {PTRACE_ARCH_PRCTL, PPM_PTRACE_ARCH_PRCTL}, {PTRACE_SYSEMU, PPM_PTRACE_SYSEMU},
      {PTRACE_SYSEMU_SINGLESTEP, PPM_PTRACE_SYSEMU_SINGLESTEP},
      {PTRACE_SINGLEBLOCK, PPM_PTRACE_SINGLEBLOCK}, {PTRACE_SETOPTIONS, PPM_PTRACE_SETOPTIONS},
      {PTRACE_GETEVENTMSG, PPM_PTRACE_GETEVENTMSG}, {PTRACE_GETSIGINFO, PPM_PTRACE_GETSIGINFO},
      {PTRACE_SETSIGINFO, PPM_PTRACE_SETSIGINFO}, {PTRACE_GETREGSET, PPM_PTRACE_GETREGSET},
      {PTRACE_SETREGSET, PPM_PTRACE_SETREGSET}, {PTRACE_SEIZE, PPM_PTRACE_SEIZE},
      {PTRACE_INTERRUPT, PPM_PTRACE_INTERRUPT}, {PTRACE_LISTEN, PPM_PTRACE_LISTEN},
      {PTRACE_PEEKSIGINFO, PPM_PTRACE_PEEKSIGINFO},
      {PTRACE_GETSIGMASK, PPM_PTRACE_GETSIGMASK}, {PTRACE_SETSIGMASK, PPM_PTRACE_SETSIGMASK},
      {PTRACE_GET_SYSCALL_INFO, PPM_PTRACE_UNKNOWN}, {PTRACE_SECCOMP_GET_FILTER, PPM_PTRACE_UNKNOWN},
  };
  for (const Case& c : cases) EXPECT_EQ(ptrace_request_to_ppm(c.native), c.ppm) << "req " << c.native;
  EXPECT_EQ(PPM_PTRACE_SEIZE, 20u);  // driver/ppm_events_public.h
}

}  // namespace
}  // namespace saker::events
