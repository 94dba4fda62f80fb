namespace KneeGuide.Cli.Reporting;

/// <summary>
/// Paths as GitHub and code-scanning tools expect them: relative to the repository's root, whatever
/// folder the build ran from. A diagnostic's file is shown relative to the current folder, which is
/// only the repository root when the build is started there; an annotation with another path lands
/// on no file of the pull request.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The path from the root of the git repository holding the file; the path unchanged when there is none.</summary>
    public static string FromRoot(string path, string? currentDirectory = null)
    {
        var full = Path.GetFullPath(path, currentDirectory ?? Environment.CurrentDirectory);
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            // .git is a folder in a clone and a file in a worktree or submodule.
            if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git")))
            {
                return Path.GetRelativePath(folder, full).Replace('\\', '/');
            }
        }

        return path;
    }
}
