using System.IO.Enumeration;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// Every file of the input folder, enumerated once, sorted, and classified. Hidden files and folders
/// (.git, .DS_Store) and editors' junk files (<see cref="IsJunk"/>) are skipped. A symbolic link that
/// leads outside the input folder is refused: the build never reads or publishes a file from
/// elsewhere on the machine. File names that would make bad or clashing addresses are reported.
/// </summary>
public sealed class SourceCatalog
{
    private readonly Dictionary<string, ContentKind> _files;
    private readonly Dictionary<string, FileStamp> _stamps;

    private SourceCatalog(string inputRoot, string displayRoot, Dictionary<string, ContentKind> files, Dictionary<string, FileStamp> stamps)
    {
        InputRoot = inputRoot;
        DisplayRoot = displayRoot;
        _files = files;
        _stamps = stamps;
        Files = files.Keys.OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    /// <summary>A file's size and last write time as the directory scan saw them (to tell an unchanged file without reading it).</summary>
    public FileStamp StampOf(string relativePath) => _stamps[relativePath];

    /// <summary>Absolute path of the input folder.</summary>
    public string InputRoot { get; }

    /// <summary>The input folder as the user named it, for messages (input/articles/x.md).</summary>
    public string DisplayRoot { get; }

    /// <summary>All files, relative to the input folder, with forward slashes, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    public bool Contains(string relativePath) => _files.ContainsKey(relativePath);

    public ContentKind KindOf(string relativePath) => _files[relativePath];

    public IEnumerable<string> FilesOf(ContentKind kind) => Files.Where(f => _files[f] == kind);

    public string AbsolutePath(string relativePath) => Path.Combine(InputRoot, relativePath);

    public string Display(string relativePath) => DisplayRoot.Length == 0 ? relativePath : $"{DisplayRoot}/{relativePath}";

    public static SourceCatalog Scan(string inputRoot, string displayRoot, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(inputRoot);
        var files = new Dictionary<string, ContentKind>(StringComparer.Ordinal);
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var catalog = new SourceCatalog(root, displayRoot.TrimEnd('/', '\\').Replace('\\', '/'), files, stamps);
        Walk(root, root, catalog, files, stamps, diagnostics);
        var scanned = new SourceCatalog(root, catalog.DisplayRoot, files, stamps);
        FileNameRules.Check(scanned, diagnostics);
        return scanned;
    }

    /// <summary>
    /// Files editors' tools leave behind, never content: Office lock files (~$x.docx), backups (x~,
    /// #x#), Windows thumbnails and folder settings. Names starting with '.' (.DS_Store, vim's .x.swp,
    /// Emacs's .#x) are skipped as hidden.
    /// </summary>
    public static bool IsJunk(string name) =>
        name.StartsWith("~$", StringComparison.Ordinal)
        || name.EndsWith('~')
        || (name.Length > 1 && name.StartsWith('#') && name.EndsWith('#'))
        || name.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase)
        || name.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);

    /// <summary>A folder entry as the directory listing gives it (no further system call per file).</summary>
    private readonly record struct Entry(string Name, bool IsDirectory, bool IsLink, FileStamp Stamp);

    private static void Walk(string dir, string root, SourceCatalog catalog, Dictionary<string, ContentKind> files, Dictionary<string, FileStamp> stamps, DiagnosticBag diagnostics)
    {
        // Asking each FileSystemInfo for its link target cost a readlink and an lstat per file (two
        // system calls for each of thousands of pages on the start-up path); the listing already says
        // which entries are links and folders.
        var entries = new FileSystemEnumerable<Entry>(
            dir,
            (ref FileSystemEntry e) => new Entry(
                e.FileName.ToString(),
                e.IsDirectory,
                (e.Attributes & FileAttributes.ReparsePoint) != 0,
                e.IsDirectory ? default : new FileStamp(e.Length, e.LastWriteTimeUtc.UtcTicks)),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false });
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.Name.StartsWith('.') || (!entry.IsDirectory && IsJunk(entry.Name)))
            {
                continue;
            }

            var full = Path.Join(dir, entry.Name);
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (entry.IsLink)
            {
                FileSystemInfo info = entry.IsDirectory ? new DirectoryInfo(full) : new FileInfo(full);
                if (!StaysInside(info, root))
                {
                    diagnostics.Add(Diagnostic.Error(
                        ErrorCodes.UnsafePath,
                        SourceLocation.InFile(catalog.Display(relative)),
                        $"'{relative}' is a symbolic link to '{info.LinkTarget}', outside the input folder; copy the file into the input folder instead"));
                    continue;
                }
            }

            if (entry.IsDirectory)
            {
                Walk(full, root, catalog, files, stamps, diagnostics);
            }
            else
            {
                files[relative] = ContentPaths.Classify(relative);
                // A link's own stamp says nothing about its target's content: always read it.
                stamps[relative] = entry.IsLink ? FileStamp.Unknown : entry.Stamp;
            }
        }
    }

    private static bool StaysInside(FileSystemInfo entry, string root)
    {
        var target = entry.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null)
        {
            return false;
        }

        var full = Path.GetFullPath(target.FullName);
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}

/// <summary>A file's size and last write time (UTC ticks): when both are unchanged, so is the file.</summary>
public readonly record struct FileStamp(long Size, long WriteTicks)
{
    public static FileStamp Unknown => new(-1, -1);
}
