import Foundation
import Testing

/// `bellwether build` as cron runs it: exit codes, the summary line, and a site that is never
/// half-written — not when the build is killed with SIGKILL at any moment, not when the disk
/// fills up.
@Suite(.serialized) struct BuildCommandTests {
    @Test func summaryLineAndExitCodes() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        let articles = tmp.url.appendingPathComponent("articles")
        try writeCorpus(articles, count: 12, variant: "a")
        let site = tmp.url.appendingPathComponent("site").path
        let first = try run(["build", articles.path, "--out", site])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("12 articles from 12 files; 12 new, 0 changed, 0 unchanged, 0 removed"))
        let json = try run(["build", articles.path, "--out", site, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["articles"] as? Int == 12)
        #expect((object?["files"] as? [String: Any])?["unchanged"] as? Int == 12)

        // A bad file is reported as path:line and the build still publishes (exit 0), or exits 1 with --strict.
        try Data("---\ntitle: [unclosed\n---\nbody\n".utf8).write(to: articles.appendingPathComponent("2026-11-10/bad.md"))
        let lenient = try run(["build", articles.path, "--out", site])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("2026-11-10/bad.md:"))
        #expect(lenient.stdout.contains("1 skipped"))
        let strict = try run(["build", articles.path, "--out", site, "--strict"])
        #expect(strict.status == 1)

        #expect(try run(["build", tmp.url.appendingPathComponent("missing").path, "--out", site]).status == 1)
        #expect(try run(["build", articles.path, "--no-such-flag"]).status == 2)
        #expect(try run(["build", articles.path, "--palette", "purple"]).status == 2)
    }

    @Test func configFileIsReadAndFlagsOverrideIt() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        try writeCorpus(tmp.url.appendingPathComponent("articles"), count: 3, variant: "c")
        try Data("title: \"Desk notes\"\nout: public\nkey_points: 2\n".utf8)
            .write(to: tmp.url.appendingPathComponent("bellwether.yml"))
        let r = try run(["build", "articles"], cwd: tmp.url)
        #expect(r.status == 0, "\(r.stderr)")
        let index = try String(contentsOf: tmp.url.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(index.contains("Desk notes"))
        _ = try run(["build", "articles", "--title", "Flag wins"], cwd: tmp.url)
        #expect(try String(contentsOf: tmp.url.appendingPathComponent("public/index.html"), encoding: .utf8).contains("Flag wins"))
        try Data("title: x\nkey_pionts: 2\n".utf8).write(to: tmp.url.appendingPathComponent("bellwether.yml"))
        let bad = try run(["build", "articles"], cwd: tmp.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bellwether.yml:2: unknown key `key_pionts` (did you mean `key_points`?)"))
    }

    @Test func killedBuildNeverLeavesAHalfSite() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        let articles = tmp.url.appendingPathComponent("articles")
        let site = tmp.url.appendingPathComponent("site")
        try writeCorpus(articles, count: 400, variant: "old")
        let first = try run(["build", articles.path, "--out", site.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let old = snapshot(site)
        // The new inputs, built elsewhere: what a complete new site looks like.
        let reference = tmp.url.appendingPathComponent("ref")
        try writeCorpus(articles, count: 400, variant: "new")
        #expect(try run(["build", articles.path, "--out", reference.appendingPathComponent("site").path, "--quiet"]).status == 0)
        let new = snapshot(reference.appendingPathComponent("site"))
        #expect(old != new)

        var sawOld = false
        // Kill at spread-out moments of the build, from start-up to publication.
        for delay in [0.005, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.7] {
            let pid = try spawnQuietly(bellwetherBinary.path, ["build", articles.path, "--out", site.path, "--quiet"])
            Thread.sleep(forTimeInterval: delay)
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let now = snapshot(site)
            #expect(now == old || now == new, "after SIGKILL at \(delay) s the site is neither the old nor the new one")
            if now == old { sawOld = true } else { break }
        }
        #expect(sawOld, "no kill landed before publication; the test did not test anything")
        // The next build completes the job.
        let last = try run(["build", articles.path, "--out", site.path, "--quiet"])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(snapshot(site) == new)
    }

    static let canMountTmpfs: Bool = {
        guard getuid() == 0 else { return false }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bellwether-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "mount -t tmpfs -o size=1m tmpfs '\(dir.path)' && umount '\(dir.path)'"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    @Test(.enabled(if: canMountTmpfs, "needs root to mount a small tmpfs that fills up"))
    func fullDiskLeavesThePublishedSiteUntouched() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        let articles = tmp.url.appendingPathComponent("articles")
        let disk = tmp.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path]
        try mount.run(); mount.waitUntilExit()
        #expect(mount.terminationStatus == 0)
        defer {
            let u = Process(); u.executableURL = URL(fileURLWithPath: "/bin/umount"); u.arguments = [disk.path]
            try? u.run(); u.waitUntilExit()
        }
        let site = disk.appendingPathComponent("site")
        try writeCorpus(articles, count: 20, variant: "small")
        #expect(try run(["build", articles.path, "--out", site.path, "--quiet"]).status == 0)
        let before = snapshot(site)
        // Far more than 2 MB of pages: the disk fills in the middle of the build.
        try writeCorpus(articles, count: 1500, variant: "large")
        let r = try run(["build", articles.path, "--out", site.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("previous site is unchanged"))
        #expect(r.stderr.lowercased().contains("no space left"))
        #expect(snapshot(site) == before)
    }
}

/// Starts a program with stdout and stderr sent to /dev/null and returns its pid, for tests that
/// kill it and reap it with `waitpid` themselves. Foundation's `Process.waitUntilExit` can miss
/// the exit of a child killed a few milliseconds after launch and wait forever (seen on
/// swift-corelibs-foundation, Swift 6.3), which hung the whole test run.
func spawnQuietly(_ path: String, _ arguments: [String]) throws -> pid_t {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
    return pid
}
