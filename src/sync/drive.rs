//! Where a file sits: a local disk, a network share or a removable drive. SQLite over a network
//! file system "is very buggy and is not dependable" and USB sticks lie about having written,
//! so prensa opens databases only from local disks and uses the others as sync folders.
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DriveKind {
    Local,
    Network,
    Removable,
}

/// File systems that are network shares.
#[cfg(any(target_os = "linux", test))]
const NETWORK_FS: &[&str] = &[
    "cifs",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "ncpfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "davfs",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
    "fuse.smbnetfs",
];

/// From `/proc/self/mountinfo` text: the file system type and source of the mount that holds
/// `path` (the longest mount point that is a prefix of it).
pub fn mount_of(mountinfo: &str, path: &str) -> Option<(String, String)> {
    let mut best: Option<(usize, String, String)> = None;
    for line in mountinfo.lines() {
        let Some((left, right)) = line.split_once(" - ") else {
            continue;
        };
        let Some(point) = left.split(' ').nth(4) else {
            continue;
        };
        let point = point.replace("\\040", " ");
        let inside = path == point
            || point == "/"
            || path.starts_with(&format!("{}/", point.trim_end_matches('/')));
        if !inside {
            continue;
        }
        let mut parts = right.split(' ');
        let fstype = parts.next().unwrap_or("").to_owned();
        let source = parts.next().unwrap_or("").to_owned();
        if best.as_ref().is_none_or(|(len, _, _)| point.len() > *len) {
            best = Some((point.len(), fstype, source));
        }
    }
    best.map(|(_, t, s)| (t, s))
}

/// Whether a Windows path is a UNC share (`\\server\share\…`).
pub fn is_unc(path: &str) -> bool {
    (path.starts_with("\\\\") || path.starts_with("//")) && !path.starts_with("\\\\?\\")
        || path.starts_with("\\\\?\\UNC\\")
}

/// The kind of drive holding `path` (the file itself or, when it does not exist yet, its folder).
pub fn drive_kind(path: &Path) -> DriveKind {
    let absolute = path
        .canonicalize()
        .or_else(|_| {
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .canonicalize()
        })
        .unwrap_or_else(|_| path.to_path_buf());
    platform_kind(&absolute)
}

#[cfg(target_os = "linux")]
fn platform_kind(path: &Path) -> DriveKind {
    let Ok(info) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return DriveKind::Local;
    };
    let Some((fstype, source)) = mount_of(&info, &path.to_string_lossy()) else {
        return DriveKind::Local;
    };
    if NETWORK_FS.contains(&fstype.as_str()) {
        return DriveKind::Network;
    }
    // A block device whose disk says it is removable (USB sticks, SD cards).
    if let Some(dev) = source.strip_prefix("/dev/") {
        let disk: String = dev
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .to_owned();
        for name in [dev.to_owned(), disk] {
            let flag = std::fs::read_to_string(format!("/sys/class/block/{name}/removable"));
            if flag.map(|f| f.trim() == "1").unwrap_or(false) {
                return DriveKind::Removable;
            }
        }
    }
    DriveKind::Local
}

#[cfg(windows)]
fn platform_kind(path: &Path) -> DriveKind {
    use std::os::windows::ffi::OsStrExt;
    let text = path.to_string_lossy();
    if is_unc(&text) {
        return DriveKind::Network;
    }
    // `\\?\C:\…` or `C:\…`: ask Windows what the drive is.
    let plain = text.trim_start_matches("\\\\?\\");
    let Some(letter) = plain.get(..2).filter(|s| s.ends_with(':')) else {
        return DriveKind::Local;
    };
    let root: Vec<u16> = std::ffi::OsStr::new(&format!("{letter}\\"))
        .encode_wide()
        .chain(Some(0))
        .collect();
    #[link(name = "kernel32")]
    extern "system" {
        fn GetDriveTypeW(root: *const u16) -> u32;
    }
    // SAFETY: `root` is a NUL-terminated UTF-16 string that lives across the call.
    match unsafe { GetDriveTypeW(root.as_ptr()) } {
        2 => DriveKind::Removable,
        4 => DriveKind::Network,
        _ => DriveKind::Local,
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
fn platform_kind(_path: &Path) -> DriveKind {
    DriveKind::Local
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFO: &str = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:50 / /mnt/oficina rw,relatime shared:20 - cifs //servidor/prensa rw,vers=3.0
41 22 8:17 / /media/usb rw,relatime shared:21 - vfat /dev/sdb1 rw
42 22 0:51 / /mnt/mi\\040share rw - nfs4 srv:/x rw";

    #[test]
    fn finds_the_mount_holding_a_path() {
        assert_eq!(mount_of(INFO, "/home/ana/prensa.sqlite").unwrap().0, "ext4");
        assert_eq!(
            mount_of(INFO, "/mnt/oficina/prensa.sqlite").unwrap().0,
            "cifs"
        );
        assert_eq!(mount_of(INFO, "/mnt/oficinas/x").unwrap().0, "ext4");
        assert_eq!(
            mount_of(INFO, "/media/usb/a.sqlite").unwrap().1,
            "/dev/sdb1"
        );
        assert_eq!(mount_of(INFO, "/mnt/mi share/a").unwrap().0, "nfs4");
        assert!(NETWORK_FS.contains(&"cifs"));
    }

    #[test]
    fn unc_paths_are_shares() {
        assert!(is_unc("\\\\servidor\\prensa\\x.sqlite"));
        assert!(is_unc("\\\\?\\UNC\\servidor\\prensa"));
        assert!(!is_unc("\\\\?\\C:\\prensa"));
        assert!(!is_unc("C:\\prensa\\x.sqlite"));
    }

    #[test]
    fn a_temporary_folder_is_local() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(drive_kind(&dir.path().join("x.sqlite")), DriveKind::Local);
    }
}
