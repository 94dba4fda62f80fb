namespace KneeGuide.Site.Output;

/// <summary>
/// Decides whether a build may replace the folder it was asked to write to. A build replaces its
/// output folder as a whole (atomic publishing), so pointing <c>--output</c> at the wrong folder
/// would move someone's files aside and delete them. Jekyll refuses a destination that is or
/// contains the source, MkDocs a docs_dir inside site_dir, Zola a non-empty folder without
/// <c>--force</c>; KneeGuide refuses all of those, and more, before it touches anything.
/// </summary>
public static class OutputFolderRules
{
    /// <summary>
    /// Why <paramref name="output"/> may not be the output folder, or null when it may. Never
    /// throws for a bad path: every refusal is a sentence that says what to do instead.
    /// </summary>
    /// <param name="force">The user asked to replace a folder of files KneeGuide did not make.
    /// It never overrides the folders that are refused always (sources, repositories, home, root).</param>
    public static string? Check(string output, string input, string theme, bool force, string? currentDirectory = null, string? home = null)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return "the output folder is empty: name a folder for the built site, e.g. --output output";
        }

        if (!TryFullPath(output, out var full))
        {
            return $"'{output}' is not a folder path this system can use: choose a plain folder name, e.g. --output output";
        }

        var shown = $"'{output}'";
        var real = FolderPaths.Real(full);
        if (Path.GetPathRoot(real) is { } root && FolderPaths.Same(root, real))
        {
            return $"{shown} is the root of the file system: build into a folder of its own, e.g. --output output";
        }

        home ??= Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && FolderPaths.Same(FolderPaths.Real(Path.GetFullPath(home)), real))
        {
            return $"{shown} is your home folder: build into a folder of its own, e.g. --output output";
        }

        var current = FolderPaths.Real(Path.GetFullPath(currentDirectory ?? Environment.CurrentDirectory));
        if (FolderPaths.Same(current, real))
        {
            return $"{shown} is the current folder, which holds your project: build into a folder of its own, e.g. --output output";
        }

        foreach (var (name, source) in new[] { ("input", input), ("theme", theme) })
        {
            if (!TryFullPath(source, out var sourceFull))
            {
                continue;
            }

            var sourceReal = FolderPaths.Real(sourceFull);
            if (FolderPaths.Same(sourceReal, real))
            {
                return $"{shown} is the {name} folder: the build would replace your sources with HTML. Build into another folder, e.g. --output output";
            }

            if (FolderPaths.IsInside(sourceReal, real))
            {
                return $"{shown} contains the {name} folder '{source}': the build would replace it. Build into a folder of its own, e.g. --output output";
            }

            if (FolderPaths.IsInside(real, sourceReal))
            {
                return $"{shown} is inside the {name} folder '{source}': the next build would read its own output. Build into a folder beside it, e.g. --output output";
            }
        }

        if (File.Exists(real))
        {
            return $"{shown} is a file, not a folder: name a folder for the built site, e.g. --output output";
        }

        if (!Directory.Exists(real))
        {
            return null;
        }

        if (Directory.Exists(Path.Combine(real, ".git")) || File.Exists(Path.Combine(real, ".git")))
        {
            return $"{shown} holds a git repository (.git): the build would replace it. Build into a folder of its own, e.g. --output output";
        }

        if (OutputMarker.IsMarked(real) || force)
        {
            return null;
        }

        var sample = FirstEntry(real);
        return sample is null
            ? null
            : $"{shown} holds files KneeGuide did not make (for example '{sample}'), and a build replaces the whole folder. Nothing was changed. Choose another folder, or add --force to replace its contents";
    }

    /// <summary>One entry of the folder, for the message (the first in ordinal order); null when it is empty.</summary>
    private static string? FirstEntry(string folder)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(unreadable)";
        }
    }

    private static bool TryFullPath(string path, out string full)
    {
        full = "";
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0'))
        {
            return false;
        }

        try
        {
            full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (full.Length == 0 || full.EndsWith(':'))
            {
                full = Path.GetFullPath(path);
            }

            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return false;
        }
    }
}
