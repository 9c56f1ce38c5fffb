import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks the article folder without following links out of it. Uses `lstat`/`readdir`
/// directly: `FileManager` follows symbolic links, hides non-UTF-8 names and lists in an
/// unspecified order.
enum FolderScanner {
    static func scan(_ folder: URL, options: LoadOptions) -> FolderScan {
        let rootPath = folder.path
        var st = stat()
        guard stat(rootPath, &st) == 0 else {
            return FolderScan(files: [], diagnostics: [Diagnostic(path: rootPath, message: "article folder not found; check the path (\(errnoText()))")])
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            return FolderScan(files: [], diagnostics: [Diagnostic(path: rootPath, message: "is a file, not a folder; pass the folder that holds the articles")])
        }
        let realRoot = realPath(rootPath) ?? rootPath
        var walker = Walker(root: rootPath, realRoot: realRoot, options: options)
        walker.walk(relative: "")
        walker.files.sort { $0.path.utf8Precedes($1.path) }
        return FolderScan(files: walker.files, diagnostics: Diagnostic.sorted(walker.diagnostics))
    }

    static func realPath(_ p: String) -> String? {
        guard let r = realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Where `d_name` sits in a `dirent` record.
    static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    struct Walker {
        let root: String
        let realRoot: String
        let options: LoadOptions
        var files: [InputFile] = []
        var diagnostics: [Diagnostic] = []

        mutating func walk(relative: String) {
            let dirPath = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(dirPath) else {
                diagnostics.append(Diagnostic(path: relative.isEmpty ? "." : relative, message: "cannot read this folder (\(errnoText())); fix its permissions"))
                return
            }
            let fd = dirfd(dir)
            var names: [[UInt8]] = []
            while let entry = readdir(dir) {
                // `d_name` is NUL-terminated inside the record, and a record can be shorter
                // than `sizeof(dirent)`: read up to the NUL, never the whole 256-byte field.
                let name = UnsafeRawPointer(entry).advanced(by: FolderScanner.nameOffset).assumingMemoryBound(to: CChar.self)
                if name[0] == 0x2E { continue } // ".", "..", and hidden files such as .DS_Store or .git
                names.append(Array(UnsafeRawBufferPointer(start: name, count: strlen(name) + 1))) // with its NUL
            }
            names.sort { $0.lexicographicallyPrecedes($1) }
            // Each entry is looked up relative to the open folder (`fstatat`), not by its full
            // path: the kernel walks one path component per file instead of all of them. The
            // folder is closed before going down into subfolders, so one is open at a time.
            var entries: [(rel: String, stat: stat?, error: String)] = []
            entries.reserveCapacity(names.count)
            for raw in names {
                guard let name = String(validating: raw.dropLast(), as: UTF8.self) else {
                    let shown = String(decoding: raw.dropLast(), as: UTF8.self)
                    diagnostics.append(Diagnostic(path: relative.isEmpty ? shown : relative + "/" + shown, line: 1,
                        message: "file name is not valid UTF-8 and cannot be published; rename it"))
                    continue
                }
                let rel = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                let status = raw.withUnsafeBytes { fstatat(fd, $0.baseAddress!.assumingMemoryBound(to: CChar.self), &st, AT_SYMLINK_NOFOLLOW) }
                entries.append(status == 0 ? (rel, st, "") : (rel, nil, errnoText()))
            }
            closedir(dir)
            for (rel, st, error) in entries {
                let full = root + "/" + rel
                guard let st else {
                    diagnostics.append(Diagnostic(path: rel, line: 1, message: "cannot read (\(error)); check its permissions"))
                    continue
                }
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    walk(relative: rel)
                case S_IFREG:
                    add(rel, full, size: Int(st.st_size))
                case S_IFLNK:
                    link(rel, full)
                default:
                    diagnostics.append(Diagnostic(path: rel, line: 1, severity: .warning,
                        message: "not a regular file (a device, socket or pipe); skipped — remove it from the article folder"))
                }
            }
        }

        mutating func add(_ rel: String, _ full: String, size: Int) {
            let ext = ArticleParser.fileExtension(rel)
            if !ext.isEmpty && !ArticleParser.supportedExtensions.contains(ext) {
                diagnostics.append(Diagnostic(path: rel, line: 1, severity: .warning,
                    message: ".\(ext) files are not read; skipped. Articles are .md, .txt, .json or .html — rename it if it is one"))
                return
            }
            if size > options.maxFileSize {
                diagnostics.append(ArticleParser.tooLarge(path: rel, size: size, limit: options.maxFileSize))
                return
            }
            // A file, so no need to let URL ask the file system whether it is a folder.
            files.append(InputFile(path: rel, url: URL(filePath: full, directoryHint: .notDirectory), size: size))
        }

        /// A link is followed only when it resolves inside the article folder and to a file;
        /// anything else is reported, never read.
        mutating func link(_ rel: String, _ full: String) {
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink(full, &buffer, buffer.count - 1)
            let target = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
            guard let resolved = FolderScanner.realPath(full) else {
                diagnostics.append(Diagnostic(path: rel, line: 1,
                    message: "symbolic link to '\(target)', which does not exist; fix the link or delete it"))
                return
            }
            guard resolved == realRoot || resolved.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
                diagnostics.append(Diagnostic(path: rel, line: 1,
                    message: "symbolic link to '\(target)', outside the article folder; not followed. Copy the file into the folder instead"))
                return
            }
            var st = stat()
            guard stat(full, &st) == 0 else {
                diagnostics.append(Diagnostic(path: rel, line: 1, message: "cannot read the target of this symbolic link (\(errnoText()))"))
                return
            }
            if st.st_mode & S_IFMT == S_IFREG {
                add(rel, full, size: Int(st.st_size))
            } else {
                diagnostics.append(Diagnostic(path: rel, line: 1, severity: .warning,
                    message: "symbolic link to the folder '\(target)' is not followed (its files are read where they are); delete the link to silence this"))
            }
        }
    }
}
