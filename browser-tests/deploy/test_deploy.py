"""`unionsite deploy` end to end: into a local folder, and over ssh to an sshd on 127.0.0.1.

Layout at the target: releases/<UTC time>/ per deploy and a `current` symlink to one of them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

RELEASE = re.compile(r"^\d{8}T\d{6}Z(-\d+)?$")
DEPLOYED = re.compile(r"^Deployed release (\S+) to (.+) \((\d+) files\)$")


# MARK: - helpers

def ok(result):
    assert result.returncode == 0, f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    return result


def failed(result):
    assert result.returncode == 1, f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert "Traceback" not in result.stderr and "Fatal error" not in result.stderr
    return result


def deployed_release(result) -> str:
    last = result.stdout.strip().splitlines()[-1]
    match = DEPLOYED.match(last)
    assert match, f"unexpected last line: {last!r}"
    assert RELEASE.match(match.group(1))
    return match.group(1)


def releases(target: Path) -> list[str]:
    folder = target / "releases"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def current(target: Path) -> str:
    link = target / "current"
    assert link.is_symlink(), f"{link} is not a symlink"
    return os.readlink(link)


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def snapshot(folder: Path) -> list[tuple]:
    """Every path under `folder` with its inode, size, mtime and symlink target."""
    if not folder.exists():
        return []
    items = []
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        items.append((str(p.relative_to(folder)), st.st_ino, st.st_size, st.st_mtime_ns,
                      os.readlink(p) if p.is_symlink() else None))
    return items


def first_deploy(site, target: Path | str, *args) -> str:
    ok(site.build())
    return deployed_release(ok(site.deploy(str(target), *args)))


def second_deploy(site, target: Path | str, *args) -> str:
    site.edit_about("Version two of this page.")
    ok(site.build())
    return deployed_release(ok(site.deploy(str(target), *args)))


# MARK: - a local folder

def test_first_deploy_publishes_the_build_and_points_current_at_it(site, tmp_path):
    target = tmp_path / "www"
    ok(site.build())
    record = json.loads((site.root / ".unionsite/last-build.json").read_text())
    assert record["status"] == "ok" and record["output"] == str(site.public) and record["date"]

    result = ok(site.deploy(str(target)))
    release = deployed_release(result)
    assert result.stdout.strip().splitlines()[-1] == f"Deployed release {release} to {target} ({len(files(site.public))} files)"
    assert releases(target) == [release]
    assert current(target) == f"releases/{release}"
    assert files(target / "current") == files(site.public)
    assert "Version one" in (target / "current/about/index.html").read_text()


def test_second_deploy_switches_current_and_hard_links_unchanged_files(site, tmp_path):
    target = tmp_path / "www"
    one = first_deploy(site, target)
    two = second_deploy(site, target)

    assert releases(target) == sorted([one, two]) and one < two
    assert current(target) == f"releases/{two}"
    assert "Version two" in (target / "current/about/index.html").read_text()
    assert "Version one" in (target / f"releases/{one}/about/index.html").read_text()

    old, new = target / "releases" / one, target / "releases" / two
    same = [name for name, data in files(new).items() if (old / name).is_file() and (old / name).read_bytes() == data]
    assert "logo.txt" in same and any(re.fullmatch(r"assets/site\.[0-9a-f]{8}\.css", name) for name in same)
    for name in same:  # every file the rebuild left as it was is one file on disk, not a copy
        assert (old / name).stat().st_ino == (new / name).stat().st_ino, f"{name} was copied, not hard-linked"
    assert (old / "about/index.html").stat().st_ino != (new / "about/index.html").stat().st_ino


def test_keep_prunes_old_releases_but_never_the_current_one(site, tmp_path):
    target = tmp_path / "www"
    first_deploy(site, target)
    second_deploy(site, target)
    third = deployed_release(ok(site.deploy(str(target), "--keep", "1")))
    assert releases(target) == [third]
    assert current(target) == f"releases/{third}"
    assert files(target / "current") == files(site.public)


def test_keep_defaults_to_five(site, tmp_path):
    target = tmp_path / "www"
    ok(site.build())
    made = [deployed_release(ok(site.deploy(str(target)))) for _ in range(7)]
    assert len(set(made)) == 7
    assert releases(target) == sorted(made)[-5:]


def test_rollback_switches_back_to_the_previous_release(site, tmp_path):
    target = tmp_path / "www"
    one = first_deploy(site, target)
    two = second_deploy(site, target)

    result = ok(site.run("deploy", str(target), "--rollback"))
    assert current(target) == f"releases/{one}"
    assert result.stdout.strip().splitlines()[-1] == f"Rolled back {target} from release {two} to {one}"
    assert "Version one" in (target / "current/about/index.html").read_text()
    assert releases(target) == sorted([one, two])  # nothing deleted

    result = failed(site.run("deploy", str(target), "--rollback"))
    assert f"no release older than {one}" in result.stderr
    assert current(target) == f"releases/{one}"


def test_dry_run_lists_changes_and_changes_nothing(site, tmp_path):
    target = tmp_path / "www"
    ok(site.build())
    result = ok(site.deploy(str(target), "--dry-run"))
    assert "everything is new" in result.stdout
    assert not target.exists()

    deployed_release(ok(site.deploy(str(target))))
    site.edit_about("Version two of this page.")
    (site.root / "content/static/logo.txt").unlink()
    ok(site.build())
    before = snapshot(target)
    result = ok(site.deploy(str(target), "--dry-run"))
    assert snapshot(target) == before
    lines = result.stdout.splitlines()
    assert any(line.endswith(" about/index.html") and line.startswith(">f") for line in lines), result.stdout
    assert any(line.startswith("*deleting") and line.endswith(" logo.txt") for line in lines), result.stdout
    assert not any(re.search(r" assets/site\.[0-9a-f]{8}\.css$", line) for line in lines), "an unchanged file is listed"
    assert "nothing changed" in lines[-1]


def test_refuses_to_deploy_after_a_failed_build(site, tmp_path):
    target = tmp_path / "www"
    release = first_deploy(site, target)
    before = snapshot(target)

    site.edit_about("A [broken link](no-such-page.md).")
    failed(site.build())
    assert json.loads((site.root / ".unionsite/last-build.json").read_text())["status"] == "failed"

    result = failed(site.deploy(str(target)))
    assert "the last build failed: fix it and build again; nothing was deployed" in result.stderr
    assert "Deployed" not in result.stdout
    assert current(target) == f"releases/{release}"
    assert snapshot(target) == before

    # Fixed and rebuilt, it deploys again.
    site.edit_about("Fixed.")
    ok(site.build())
    assert deployed_release(ok(site.deploy(str(target)))) != release


def test_refuses_without_a_build(site, tmp_path):
    result = failed(site.deploy(str(tmp_path / "www")))
    assert "build the site first" in result.stderr
    assert not (tmp_path / "www").exists()


def test_output_option_deploys_another_folder(site, tmp_path):
    ok(site.build())
    other = tmp_path / "other"
    (other / "sub").mkdir(parents=True)
    (other / "sub/a.txt").write_text("a\n")
    target = tmp_path / "www"
    release = deployed_release(ok(site.deploy(str(target), "--output", str(other))))
    assert files(target / "releases" / release) == {"sub/a.txt": b"a\n"}


def test_bad_targets_and_missing_rsync_are_diagnostics(site, tmp_path):
    ok(site.build())
    for bad in ["user@host:", "host::module", "-oProxyCommand=x:/srv"]:
        result = failed(site.run("deploy", "--root", str(site.root), "--", bad))
        assert f"unionsite: error: bad deploy target {bad}" in result.stderr
    result = failed(site.deploy(str(tmp_path / "www"), env={"PATH": str(tmp_path / "empty")}))
    assert "rsync is not installed" in result.stderr
    assert not (tmp_path / "www").exists()

    (tmp_path / "file").write_text("x")
    result = failed(site.deploy(str(tmp_path / "file")))
    assert "is not a folder" in result.stderr

    (tmp_path / "old-style/current").mkdir(parents=True)
    result = failed(site.deploy(str(tmp_path / "old-style")))
    assert "current is not a symlink" in result.stderr


# MARK: - over ssh, to sshd on 127.0.0.1

def remote_run(sshd, site, target, *args):
    return site.deploy(target, "--ssh", sshd.ssh_command, *args)


def test_deploy_and_rollback_over_ssh(sshd, site, tmp_path):
    # A space and a quote in the path: every remote command must quote it right.
    folder = tmp_path / "remote it's"
    target = sshd.target(folder)

    ok(site.build())
    result = ok(remote_run(sshd, site, target, "--dry-run"))
    assert "everything is new" in result.stdout
    assert not folder.exists()

    one = deployed_release(ok(remote_run(sshd, site, target)))
    assert ok(remote_run(sshd, site, target)).stdout  # a second deploy of the same build
    assert releases(folder)[0] == one and len(releases(folder)) == 2
    assert files(folder / "current") == files(site.public)

    site.edit_about("Version two of this page.")
    ok(site.build())
    result = ok(remote_run(sshd, site, target, "--dry-run"))
    assert any(line.endswith(" about/index.html") for line in result.stdout.splitlines()), result.stdout
    three = deployed_release(ok(remote_run(sshd, site, target, "--keep", "2")))
    assert len(releases(folder)) == 2 and one not in releases(folder)
    assert current(folder) == f"releases/{three}"
    assert "Version two" in (folder / "current/about/index.html").read_text()
    two = releases(folder)[0]
    assert (folder / f"releases/{two}/logo.txt").stat().st_ino == (folder / f"releases/{three}/logo.txt").stat().st_ino

    result = ok(remote_run(sshd, site, target, "--rollback"))
    assert current(folder) == f"releases/{two}"
    assert "Version one" in (folder / "current/about/index.html").read_text()
    assert result.stdout.strip().splitlines()[-1] == f"Rolled back {target} from release {three} to {two}"

    result = failed(remote_run(sshd, site, target, "--rollback"))
    assert f"no release older than {two}" in result.stderr
    assert current(folder) == f"releases/{two}"


def test_ssh_failure_is_a_diagnostic(sshd, site, tmp_path):
    ok(site.build())
    wrong_key = sshd.ssh_command.replace(str(sshd.key), str(tmp_path / "no-such-key"))
    result = failed(site.deploy(sshd.target(tmp_path / "remote"), "--ssh", wrong_key))
    assert "unionsite: error: reading" in result.stderr and "ssh exited with status 255" in result.stderr
    assert not (tmp_path / "remote").exists()


# MARK: - nginx serving TARGET/current/, configured as docs/publishing.md shows

def test_nginx_serves_current_and_follows_the_switch(nginx_for, site, tmp_path):
    import urllib.request
    from urllib.error import HTTPError

    target = tmp_path / "www"
    first_deploy(site, target)
    origin = nginx_for(target)

    def get(path):
        try:
            with urllib.request.urlopen(origin + path, timeout=5) as response:
                return response.status, response.read().decode()
        except HTTPError as error:
            return error.code, error.read().decode()

    assert "Version one" in get("/members/about/")[1]
    second_deploy(site, target)
    assert "Version two" in get("/members/about/")[1]
    ok(site.run("deploy", str(target), "--rollback"))
    assert "Version one" in get("/members/about/")[1]
    status, body = get("/members/no-such-page/")
    assert status == 404 and body == (target / "current/404.html").read_text()
