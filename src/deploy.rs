//! `folio deploy`: build the site and publish it to a branch (`gh-pages`) with
//! the user's own `git`. The output becomes the whole tree of one new commit on
//! top of the branch's history; nothing of the user's working tree, index,
//! current branch or stash is touched (a temporary index is used).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build::{self, BuildOptions};
use crate::config::{CONFIG_FILE, key_line};
use crate::diagnostics::{Diagnostic, Error};
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
    /// The new commit, or `None` when the output did not change (or on a dry run).
    pub commit: Option<String>,
    pub unchanged: bool,
    pub pushed: bool,
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
    fn run(&self, cwd: &Path, args: &[&str]) -> Result<String, Error> {
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

fn run(mut cmd: Command, args: &[&str]) -> Result<String, Error> {
    let out = cmd.output().map_err(|e| {
        Error::single(
            Diagnostic::error(format!("cannot run git: {e}"))
                .with_help("install git and make sure it is on your PATH"),
        )
    })?;
    if !out.status.success() {
        return Err(Error::single(Diagnostic::error(format!(
            "`git {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn plain_git(cwd: &Path, args: &[&str]) -> Result<String, Error> {
    let mut cmd = Command::new("git");
    cmd.args(args).current_dir(cwd);
    run(cmd, args)
}

/// Builds the site and publishes it to `remote`/`branch`.
pub fn deploy(opts: &DeployOptions) -> Result<DeployReport, Error> {
    let root = output::absolute(&opts.root);
    let git_dir = plain_git(&root, &["rev-parse", "--absolute-git-dir"]).map_err(|_| {
        Error::single(
            Diagnostic::error(format!("{} is not in a git repository", root.display())).with_help(
                "run `git init` and `git remote add origin git@github.com:YOU/REPO.git`, or publish with the GitHub Actions workflow that `folio init` writes",
            ),
        )
    })?;
    let git_dir = PathBuf::from(git_dir);
    if let Ok(current) = plain_git(&root, &["symbolic-ref", "--short", "-q", "HEAD"])
        && current == opts.branch
    {
        return Err(Error::single(
            Diagnostic::error(format!("you are on the branch `{}`, which folio deploys to", opts.branch))
                .with_help("switch to your source branch first (e.g. `git switch main`), or deploy to another branch with --branch"),
        ));
    }
    // The URL as configured (`remote get-url` would apply insteadOf rewrites).
    let remote_url = plain_git(
        &root,
        &["config", "--get", &format!("remote.{}.url", opts.remote)],
    )
    .map_err(|_| {
        Error::single(
            Diagnostic::error(format!("this repository has no remote `{}`", opts.remote))
                .with_help("add it: `git remote add origin git@github.com:YOU/REPO.git`"),
        )
    })?;

    // The base URL: from folio.yaml when set there, else inferred from the remote.
    let config_text = std::fs::read_to_string(root.join(CONFIG_FILE)).unwrap_or_default();
    let explicit = key_line(&config_text, "base_url").is_some()
        || key_line(&config_text, "github_pages").is_some();
    let mut warnings = Vec::new();
    let (base_url, base_url_note) = if explicit {
        (None, None)
    } else {
        match infer_base_url(&remote_url) {
            Some(url) => {
                let note = format!(
                    "base_url is not set in folio.yaml; using {url} (from remote `{}`: {remote_url})",
                    opts.remote
                );
                (Some(url), Some(note))
            }
            None => {
                warnings.push(
                    Diagnostic::warning(format!(
                        "base_url is not set and cannot be inferred from remote `{}` ({remote_url}); links assume the site is at the domain's root",
                        opts.remote
                    ))
                    .in_file(CONFIG_FILE)
                    .with_help("set `base_url:` in folio.yaml to the address the site will have"),
                );
                (None, None)
            }
        }
    };

    // Build first: a failing build pushes nothing.
    let rendered = build::render_site(&BuildOptions {
        root: root.clone(),
        output_dir: None,
        base_url: base_url.clone(),
        drafts: opts.drafts,
    })?;
    warnings.extend(rendered.warnings.iter().cloned());
    let work = tempfile::tempdir()
        .map_err(|e| Error::msg(format!("cannot create a temporary folder: {e}")))?;
    let site_dir = work.path().join("site");
    output::write_site(&site_dir, &rendered.files)?;

    // The output as a tree, through a temporary index.
    let git = Git {
        git_dir: git_dir.clone(),
        index: Some(work.path().join("index")),
    };
    let site_dir_str = site_dir.to_string_lossy().into_owned();
    git.run(
        &site_dir,
        &["--work-tree", &site_dir_str, "add", "--all", "--force", "."],
    )?;
    let tree = git.run(&site_dir, &["write-tree"])?;

    // The branch's history: the remote's when it has the branch, else a local one.
    let refname = format!("refs/heads/{}", opts.branch);
    let remote_head = git
        .run(&root, &["ls-remote", &opts.remote, &refname])?
        .split_whitespace()
        .next()
        .map(str::to_string);
    let parent = match remote_head {
        Some(sha) => {
            git.run(
                &root,
                &["fetch", "--quiet", "--no-tags", &opts.remote, &refname],
            )?;
            Some(sha)
        }
        None => git
            .run(&root, &["rev-parse", "--verify", "-q", &refname])
            .ok()
            .filter(|s| !s.is_empty()),
    };
    let files = rendered.files.len();
    let final_base_url = rendered.site.config.base_url.clone();
    if let Some(p) = &parent
        && git.run(&root, &["rev-parse", &format!("{p}^{{tree}}")])? == tree
    {
        return Ok(DeployReport {
            base_url: final_base_url,
            base_url_note,
            files,
            commit: None,
            unchanged: true,
            pushed: false,
            warnings,
        });
    }
    if opts.dry_run {
        return Ok(DeployReport {
            base_url: final_base_url,
            base_url_note,
            files,
            commit: None,
            unchanged: false,
            pushed: false,
            warnings,
        });
    }
    let message = opts.message.clone().unwrap_or_else(|| {
        let source = plain_git(&root, &["rev-parse", "--short", "HEAD"]).unwrap_or_default();
        if source.is_empty() {
            format!(
                "Deploy {} with folio {}",
                rendered.site.config.title,
                env!("CARGO_PKG_VERSION")
            )
        } else {
            format!(
                "Deploy {} from {source} with folio {}",
                rendered.site.config.title,
                env!("CARGO_PKG_VERSION")
            )
        }
    });
    let mut args = vec!["commit-tree", tree.as_str(), "-m", message.as_str()];
    if let Some(p) = &parent {
        args.extend(["-p", p.as_str()]);
    }
    let commit = git.run(&root, &args)?;
    let refspec = format!("{commit}:{refname}");
    git.run(&root, &["push", "--quiet", &opts.remote, &refspec])?;
    // Keep the local branch in step with what was published (never the current branch).
    git.run(&root, &["update-ref", &refname, &commit])?;
    Ok(DeployReport {
        base_url: final_base_url,
        base_url_note,
        files,
        commit: Some(commit),
        unchanged: false,
        pushed: true,
        warnings,
    })
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
