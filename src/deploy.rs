//! `folio deploy`: build the site and publish it to a branch (`gh-pages`) with
//! the user's own `git`. The output becomes the whole tree of one new commit on
//! top of the branch's history; nothing of the user's working tree, index,
//! current branch or stash is touched (a temporary index is used).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build::{self, BuildOptions};
use crate::config::{CONFIG_FILE, key_line};
use crate::diagnostics::{Diagnostic, Error, ErrorKind, Result};
use crate::output;

#[derive(Debug, Clone)]
pub struct DeployOptions {
    pub root: PathBuf,
    pub remote: String,
    pub branch: String,
    pub message: Option<String>,
    pub dry_run: bool,
    pub drafts: bool,
}

impl Default for DeployOptions {
    fn default() -> Self {
        DeployOptions {
            root: PathBuf::from("."),
            remote: "origin".into(),
            branch: "gh-pages".into(),
            message: None,
            dry_run: false,
            drafts: false,
        }
    }
}

/// What a deploy did.
#[derive(Debug)]
pub struct DeployReport {
    pub base_url: String,
    /// How the base URL was chosen, when it was not in folio.yaml.
    pub base_url_note: Option<String>,
    pub files: usize,
    /// The total size of the output, in bytes.
    pub bytes: u64,
    /// The new commit, or `None` when the output did not change (or on a dry run).
    pub commit: Option<String>,
    pub unchanged: bool,
    pub pushed: bool,
    /// On a dry run whose remote cannot be reached (offline, a wrong URL): why,
    /// and so that the output was not compared with the published branch.
    pub remote_skipped: Option<String>,
    pub warnings: Vec<Diagnostic>,
}

/// `https://ana.github.io/portfolio/` from a GitHub remote URL
/// (`git@github.com:ana/portfolio.git`, `https://github.com/ana/portfolio`,
/// `ssh://git@github.com/ana/portfolio.git`); a repository named
/// `ana.github.io` is the user site `https://ana.github.io/`.
pub fn infer_base_url(remote_url: &str) -> Option<String> {
    let url = remote_url.trim().trim_end_matches('/');
    let path = if let Some(rest) = url.strip_prefix("git@github.com:") {
        rest
    } else {
        let after_scheme = url.split_once("://").map(|(_, r)| r)?;
        let host_and_path = after_scheme
            .rsplit_once('@')
            .map_or(after_scheme, |(_, r)| r);
        let (host, path) = host_and_path.split_once('/')?;
        let host = host.split(':').next().unwrap_or(host);
        if !host.eq_ignore_ascii_case("github.com") && !host.eq_ignore_ascii_case("www.github.com")
        {
            return None;
        }
        path
    };
    let path = path.trim_end_matches(".git");
    let mut parts = path.split('/');
    let (owner, repo) = (parts.next()?, parts.next()?);
    if owner.is_empty() || repo.is_empty() || parts.next().is_some() {
        return None;
    }
    let owner = owner.to_ascii_lowercase();
    if repo.eq_ignore_ascii_case(&format!("{owner}.github.io")) {
        Some(format!("https://{owner}.github.io/"))
    } else {
        Some(format!("https://{owner}.github.io/{repo}/"))
    }
}

struct Git {
    git_dir: PathBuf,
    index: Option<PathBuf>,
}

impl Git {
    fn run(&self, cwd: &Path, args: &[&str]) -> Result<String> {
        let mut cmd = Command::new("git");
        cmd.arg("--git-dir")
            .arg(&self.git_dir)
            .args(args)
            .current_dir(cwd);
        if let Some(index) = &self.index {
            cmd.env("GIT_INDEX_FILE", index);
        }
        // A commit needs an identity; use the user's, or folio's when none is set.
        for (var, key, fallback) in [
            ("GIT_AUTHOR_NAME", "user.name", "folio"),
            ("GIT_AUTHOR_EMAIL", "user.email", "folio@localhost"),
        ] {
            if std::env::var_os(var).is_none() && git_config(&self.git_dir, key).is_none() {
                cmd.env(var, fallback);
                cmd.env(var.replace("AUTHOR", "COMMITTER"), fallback);
            }
        }
        run(cmd, args)
    }
}

fn git_config(git_dir: &Path, key: &str) -> Option<String> {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["config", "--get", key])
        .output()
        .ok()?;
    let v = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !v.is_empty()).then_some(v)
}

fn run(mut cmd: Command, args: &[&str]) -> Result<String> {
    let out = cmd.output().map_err(|e| {
        Error::single(
            Diagnostic::error(format!("cannot run git: {e}"))
                .with_help("install git and make sure it is on your PATH"),
        )
        .with_kind(ErrorKind::Io)
    })?;
    if !out.status.success() {
        return Err(Error::single(Diagnostic::error(format!(
            "`git {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )))
        .with_kind(ErrorKind::Io));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn plain_git(cwd: &Path, args: &[&str]) -> Result<String> {
    let mut cmd = Command::new("git");
    cmd.args(args).current_dir(cwd);
    run(cmd, args)
}

/// The user's repository: where its objects live and the URL of the remote.
struct Repo {
    root: PathBuf,
    git_dir: PathBuf,
    remote_url: String,
}

impl Repo {
    /// Opens the repository holding `opts.root`; refuses on the deploy branch
    /// and without the remote.
    fn open(opts: &DeployOptions) -> Result<Repo> {
        let root = output::absolute(&opts.root);
        let git_dir = plain_git(&root, &["rev-parse", "--absolute-git-dir"]).map_err(|_| {
            Error::single(
                Diagnostic::error(format!("{} is not in a git repository", root.display())).with_help(
                    "run `git init` and `git remote add origin git@github.com:YOU/REPO.git`, or publish with the GitHub Actions workflow that `folio init` writes",
                ),
            )
        })?;
        if let Ok(current) = plain_git(&root, &["symbolic-ref", "--short", "-q", "HEAD"])
            && current == opts.branch
        {
            return Err(Error::single(
                Diagnostic::error(format!("you are on the branch `{}`, which folio deploys to", opts.branch))
                    .with_help("switch to your source branch first (e.g. `git switch main`), or deploy to another branch with --branch"),
            ));
        }
        // The URL as configured (`remote get-url` would apply insteadOf rewrites).
        let key = format!("remote.{}.url", opts.remote);
        let remote_url = plain_git(&root, &["config", "--get", &key]).map_err(|_| {
            Error::single(
                Diagnostic::error(format!("this repository has no remote `{}`", opts.remote))
                    .with_help("add it: `git remote add origin git@github.com:YOU/REPO.git`"),
            )
        })?;
        Ok(Repo {
            root,
            git_dir: PathBuf::from(git_dir),
            remote_url,
        })
    }
}

/// The base URL to build with: `None` when folio.yaml sets it (or it cannot
/// be inferred, with a warning), else the one inferred from the remote, with
/// a note saying so.
fn choose_base_url(
    repo: &Repo,
    remote: &str,
    warnings: &mut Vec<Diagnostic>,
) -> (Option<String>, Option<String>) {
    let config_text = std::fs::read_to_string(repo.root.join(CONFIG_FILE)).unwrap_or_default();
    if key_line(&config_text, "base_url").is_some()
        || key_line(&config_text, "github_pages").is_some()
    {
        return (None, None);
    }
    let remote_url = &repo.remote_url;
    match infer_base_url(remote_url) {
        Some(url) => {
            let note = format!(
                "base_url is not set in folio.yaml; using {url} (from remote `{remote}`: {remote_url})"
            );
            (Some(url), Some(note))
        }
        None => {
            warnings.push(
                Diagnostic::warning(format!(
                    "base_url is not set and cannot be inferred from remote `{remote}` ({remote_url}); links assume the site is at the domain's root"
                ))
                .in_file(CONFIG_FILE)
                .with_help("set `base_url:` in folio.yaml to the address the site will have"),
            );
            (None, None)
        }
    }
}

/// The built site as a git tree, staged through a temporary index.
struct Staged {
    /// Holds the written site and the index while git needs them.
    _work: tempfile::TempDir,
    git: Git,
    tree: String,
    files: usize,
    bytes: u64,
    title: String,
    base_url: String,
    warnings: Vec<Diagnostic>,
}

/// Builds the site (a failing build pushes nothing) and turns it into a tree.
fn stage(repo: &Repo, opts: &DeployOptions, base_url: Option<String>) -> Result<Staged> {
    let rendered = build::render_site(&BuildOptions {
        root: repo.root.clone(),
        output_dir: None,
        base_url,
        drafts: opts.drafts,
        plain_code: false,
    })?;
    let work = tempfile::tempdir().map_err(|e| {
        Error::io(
            "cannot create a temporary folder in",
            &std::env::temp_dir(),
            e,
        )
    })?;
    let site_dir = work.path().join("site");
    output::write_site(&site_dir, &rendered.files)?;
    let git = Git {
        git_dir: repo.git_dir.clone(),
        index: Some(work.path().join("index")),
    };
    let site_dir_str = site_dir.to_string_lossy().into_owned();
    git.run(
        &site_dir,
        &["--work-tree", &site_dir_str, "add", "--all", "--force", "."],
    )?;
    let tree = git.run(&site_dir, &["write-tree"])?;
    Ok(Staged {
        tree,
        files: rendered.files.len(),
        bytes: size_of_folder(&site_dir),
        title: rendered.site.config.title.clone(),
        base_url: rendered.site.config.base_url.clone(),
        warnings: rendered.warnings,
        git,
        _work: work,
    })
}

/// The total size of the files under `dir`, in bytes.
fn size_of_folder(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// The branch's last commit: the remote's when it has the branch (fetched),
/// else the local branch's, else none (the first deploy).
fn parent_commit(git: &Git, root: &Path, opts: &DeployOptions) -> Result<Option<String>> {
    let refname = format!("refs/heads/{}", opts.branch);
    let remote_head = git
        .run(root, &["ls-remote", &opts.remote, &refname])?
        .split_whitespace()
        .next()
        .map(str::to_string);
    match remote_head {
        Some(sha) => {
            git.run(
                root,
                &["fetch", "--quiet", "--no-tags", &opts.remote, &refname],
            )?;
            Ok(Some(sha))
        }
        None => Ok(git
            .run(root, &["rev-parse", "--verify", "-q", &refname])
            .ok()
            .filter(|s| !s.is_empty())),
    }
}

/// The commit message: the user's, or "Deploy TITLE from SOURCE with folio VERSION".
fn commit_message(opts: &DeployOptions, root: &Path, title: &str) -> String {
    if let Some(m) = &opts.message {
        return m.clone();
    }
    let version = env!("CARGO_PKG_VERSION");
    let source = plain_git(root, &["rev-parse", "--short", "HEAD"]).unwrap_or_default();
    if source.is_empty() {
        format!("Deploy {title} with folio {version}")
    } else {
        format!("Deploy {title} from {source} with folio {version}")
    }
}

/// Commits the staged tree on top of `parent`, pushes it, and moves the local
/// branch to it (never the current branch). Returns the new commit.
fn publish(
    staged: &Staged,
    repo: &Repo,
    opts: &DeployOptions,
    parent: Option<&str>,
) -> Result<String> {
    let git = &staged.git;
    let message = commit_message(opts, &repo.root, &staged.title);
    let mut args = vec!["commit-tree", staged.tree.as_str(), "-m", message.as_str()];
    if let Some(p) = parent {
        args.extend(["-p", p]);
    }
    let commit = git.run(&repo.root, &args)?;
    let refname = format!("refs/heads/{}", opts.branch);
    let refspec = format!("{commit}:{refname}");
    git.run(&repo.root, &["push", "--quiet", &opts.remote, &refspec])?;
    git.run(&repo.root, &["update-ref", &refname, &commit])?;
    Ok(commit)
}

/// The first line of an error, for a one-line reason.
fn first_line(e: &Error) -> String {
    let m = e.message();
    let m = m.split_once("failed: ").map_or(m, |(_, rest)| rest);
    m.lines().next().unwrap_or_default().trim().to_string()
}

/// Builds the site and publishes it to `remote`/`branch`. A dry run commits and
/// pushes nothing, and works offline: when the remote cannot be reached, the
/// comparison with its branch is skipped and the report says why.
pub fn deploy(opts: &DeployOptions) -> Result<DeployReport> {
    let repo = Repo::open(opts)?;
    let mut warnings = Vec::new();
    let (base_url, base_url_note) = choose_base_url(&repo, &opts.remote, &mut warnings);
    let staged = stage(&repo, opts, base_url)?;
    warnings.extend(staged.warnings.iter().cloned());
    let mut report = DeployReport {
        base_url: staged.base_url.clone(),
        base_url_note,
        files: staged.files,
        bytes: staged.bytes,
        commit: None,
        unchanged: false,
        pushed: false,
        remote_skipped: None,
        warnings,
    };
    let parent = match parent_commit(&staged.git, &repo.root, opts) {
        Ok(p) => p,
        Err(e) if opts.dry_run => {
            report.remote_skipped = Some(first_line(&e));
            return Ok(report);
        }
        Err(e) => return Err(e),
    };
    if let Some(p) = &parent {
        let spec = format!("{p}^{{tree}}");
        report.unchanged = staged.git.run(&repo.root, &["rev-parse", &spec])? == staged.tree;
    }
    if report.unchanged || opts.dry_run {
        return Ok(report);
    }
    report.commit = Some(publish(&staged, &repo, opts, parent.as_deref())?);
    report.pushed = true;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infers_project_and_user_sites() {
        for remote in [
            "git@github.com:ana/portfolio.git",
            "https://github.com/ana/portfolio",
            "https://github.com/ana/portfolio.git",
            "ssh://git@github.com/ana/portfolio.git",
            "https://token@github.com/Ana/portfolio/",
        ] {
            assert_eq!(
                infer_base_url(remote).as_deref(),
                Some("https://ana.github.io/portfolio/"),
                "{remote}"
            );
        }
        assert_eq!(
            infer_base_url("git@github.com:ana/ana.github.io.git").as_deref(),
            Some("https://ana.github.io/")
        );
        assert_eq!(
            infer_base_url("https://github.com/Ana/ana.github.io").as_deref(),
            Some("https://ana.github.io/")
        );
        assert_eq!(infer_base_url("https://gitlab.com/ana/portfolio.git"), None);
        assert_eq!(infer_base_url("/tmp/remote.git"), None);
    }
}
