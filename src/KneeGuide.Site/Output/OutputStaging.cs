using KneeGuide.Core;
using KneeGuide.Core.Caching;

namespace KneeGuide.Site.Output;

/// <summary>
/// Atomic publishing. The build writes into a staging folder beside the output folder and swaps it in
/// only when the build has no errors, so a failed or interrupted build leaves the previous site as it
/// was. The staging folder is the output before last, kept after each swap and brought up to date:
/// a file it already holds with the right content stays, a file the last build wrote and this one
/// did not change is hard-linked from the live output, and only what changed is written. Every
/// folder it makes carries <see cref="OutputMarker"/>, and it deletes only marked folders: a folder of
/// someone else's files with the same name is never touched.
/// </summary>
public sealed class OutputStaging : IOutputSink
{
    private readonly bool _private;
    private readonly string _parent;
    private readonly string _name;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _createdFolders = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);
    private Task _cleanup = Task.CompletedTask;
    private OutputManifest _live = OutputManifest.Empty();
    private OutputManifest _staged = OutputManifest.Empty();
    private int _written;
    private int _reused;

    /// <param name="privateFolder">The output is KneeGuide's own (the preview's, written by this process only): its records are trusted without looking at each file.</param>
    public OutputStaging(string outputRoot, bool privateFolder = false)
    {
        _private = privateFolder;
        OutputRoot = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        _parent = Path.GetDirectoryName(OutputRoot)!;
        _name = Path.GetFileName(OutputRoot);
        StagingRoot = Path.Combine(_parent, $".{_name}.staging");
    }

    public string OutputRoot { get; }

    public string StagingRoot { get; }

    /// <summary>Files written in this build (the rest were already in place or linked).</summary>
    public int Written => _written;

    /// <summary>Files reused: already in the staging folder, or linked from the live output.</summary>
    public int Reused => _reused;

    /// <summary>Finishes deleting folders of earlier versions' builds (the preview server and tests wait; the CLI need not).</summary>
    public Task Cleanup => _cleanup;

    private string LiveSection => "output:" + OutputRoot;

    private string StagedSection => "staging:" + OutputRoot;

    /// <summary>
    /// Why the build may not stage beside this output folder: the staging folder's name is taken by a
    /// folder or file KneeGuide did not make. Null when the way is clear. (The output folder itself is
    /// checked by <see cref="OutputFolderRules"/> before the staging is set up.)
    /// </summary>
    public string? CheckStagingFolder()
    {
        if (Directory.Exists(StagingRoot) && !OutputMarker.IsMarked(StagingRoot))
        {
            return $"'{StagingRoot}' is in the way: the build stages the site there, but that folder was not made by KneeGuide. Nothing was changed. Move it, or choose another output folder";
        }

        return File.Exists(StagingRoot) ? $"'{StagingRoot}' is a file in the way of the build's staging folder: move it, or choose another output folder" : null;
    }

    /// <summary>
    /// Gets the staging folder ready: the one kept from the build before last when the cache says what
    /// is in it, else a fresh, empty, marked one. Returns why it could not, as a clear sentence.
    /// </summary>
    public string? Prepare(BuildCache cache)
    {
        _createdFolders.Clear();
        _claimed.Clear();
        _written = 0;
        _reused = 0;
        try
        {
            _live = Directory.Exists(OutputRoot) && OutputMarker.IsMarked(OutputRoot) ? OutputManifest.Read(cache.Section(LiveSection), _private) : OutputManifest.Empty(_private);
            _staged = OutputManifest.Read(cache.Section(StagedSection), _private);
            if (!Directory.Exists(StagingRoot) || _staged.Count == 0)
            {
                // Nothing known about what is in it: start from an empty folder.
                DeleteIfOurs(StagingRoot);
                _staged = OutputManifest.Empty(_private);
                Directory.CreateDirectory(StagingRoot);
                OutputMarker.Write(StagingRoot);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot create the staging folder '{StagingRoot}' beside the output folder: {e.Message.TrimEnd('.')}. Choose an output folder in a place you can write to";
        }

        _cleanup = Task.Run(DeleteRetiredOutputs);
        return null;
    }

    /// <summary>The full path of a destination in the staging folder; it must stay inside it.</summary>
    public string PathFor(string destination)
    {
        var full = Path.GetFullPath(Path.Combine(StagingRoot, destination));
        if (!full.StartsWith(StagingRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.GetFileName(full) == OutputMarker.FileName)
        {
            throw new InvalidOperationException($"Refusing to write '{destination}' outside the output folder.");
        }

        // Thousands of pages share few folders: ask the file system for each folder once.
        // GetOrAdd returns only once some caller's CreateDirectory for the folder has completed.
        _createdFolders.GetOrAdd(Path.GetDirectoryName(full)!, folder =>
        {
            Directory.CreateDirectory(folder);
            return 0;
        });

        return full;
    }

    /// <summary>True for the first writer of a destination in this build, false for any later one.</summary>
    public bool TryClaim(string destination) => _claimed.TryAdd(destination, 0);

    /// <summary>
    /// The hash of the file a later build can reuse at <paramref name="destination"/> (the live
    /// output's, verified on disk); 0 when there is none. A cached page whose file is gone is made again.
    /// </summary>
    public UInt128 ReusableHash(string destination) =>
        _live.Verified(OutputRoot, destination) ?? _staged.Verified(StagingRoot, destination) ?? 0;

    /// <summary>
    /// Whether the staging folder already holds exactly this file (checked before anything is made
    /// again, so that an unchanged page costs one look at one file).
    /// </summary>
    public bool Holds(string destination, UInt128 hash) => _staged.Verified(StagingRoot, destination) == hash;

    /// <summary>Writes a document's content, unless the staging folder already holds exactly that content.</summary>
    public void Write(string destination, DocumentContent content, UInt128 hash)
    {
        var path = PathFor(destination);
        if (_staged.Verified(StagingRoot, destination) == hash)
        {
            Interlocked.Increment(ref _reused);
            return;
        }

        // Never write into an existing file: it may be a hard link shared with the live output.
        File.Delete(path);
        content.WriteTo(path);
        _staged.Record(destination, hash, path);
        Interlocked.Increment(ref _written);
    }

    /// <inheritdoc/>
    public bool TryReuse(string destination, UInt128 hash)
    {
        if (!TryClaim(destination))
        {
            return true;
        }

        if (Reuse(destination, hash))
        {
            return true;
        }

        _claimed.TryRemove(destination, out _);
        return false;
    }

    /// <summary>
    /// Puts the file with this hash at an already claimed destination: kept when the staging folder
    /// has it, hard-linked (or copied) from the live output when that has it; false when neither has.
    /// </summary>
    public bool Reuse(string destination, UInt128 hash)
    {
        if (_staged.Verified(StagingRoot, destination) == hash)
        {
            Interlocked.Increment(ref _reused);
            return true;
        }

        if (_live.Verified(OutputRoot, destination) != hash)
        {
            return false;
        }

        var path = PathFor(destination);
        File.Delete(path);
        var live = Path.Combine(OutputRoot, destination);
        if (!HardLinks.TryCreate(path, live))
        {
            // Another file system (or one without hard links): a copy does the same.
            File.Copy(live, path);
        }

        _staged.Record(destination, hash, path);
        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>
    /// Swaps the staging folder in: files no document claimed in this build are removed from it, then
    /// three renames put it in place of the output and keep the old output as the next staging folder.
    /// The manifests of both go to the cache.
    /// </summary>
    public void Commit(BuildCache cache)
    {
        foreach (var stale in _staged.Paths.Where(p => !_claimed.ContainsKey(p)).ToList())
        {
            DeleteFileAndEmptyFolders(stale);
            _staged.Remove(stale);
        }

        var swap = Path.Combine(_parent, $".{_name}.swap");
        DeleteIfOurs(swap);
        var keepOld = Directory.Exists(OutputRoot) && OutputMarker.IsMarked(OutputRoot);
        if (Directory.Exists(OutputRoot))
        {
            if (!Directory.EnumerateFileSystemEntries(OutputRoot).Any())
            {
                // An empty folder the user made for the site: nothing to keep.
                Directory.Delete(OutputRoot);
            }
            else
            {
                var wasOurs = keepOld;
                Directory.Move(OutputRoot, swap);
                if (!wasOurs)
                {
                    // Only reached with --force: the user asked for this folder's contents to be
                    // replaced. Marked now so that it may be deleted, and never reused as staging.
                    OutputMarker.Write(swap);
                    var retired = Path.Combine(_parent, $".{_name}.retired-{Guid.NewGuid():N}");
                    Directory.Move(swap, retired);
                    _cleanup = Task.WhenAll(_cleanup, Task.Run(() => DeleteQuietly(retired)));
                }
            }
        }

        Directory.Move(StagingRoot, OutputRoot);
        if (keepOld && Directory.Exists(swap))
        {
            Directory.Move(swap, StagingRoot);
        }

        cache.SetSection(LiveSection, _staged.ToBytes());
        cache.SetSection(StagedSection, keepOld ? _live.ToBytes() : OutputManifest.Empty().ToBytes());
    }

    /// <summary>
    /// A failed build leaves the staging folder as far as it got, for the next build to go on with:
    /// the cache records what is now in it.
    /// </summary>
    public void Keep(BuildCache cache) => cache.SetSection(StagedSection, _staged.ToBytes());

    /// <summary>Deletes the staging folder (the build could not record what is in it).</summary>
    public void Discard() => DeleteQuietly(StagingRoot);

    private void DeleteFileAndEmptyFolders(string destination)
    {
        var path = Path.Combine(StagingRoot, destination);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > StagingRoot.Length; folder = Path.GetDirectoryName(folder))
        {
            if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any())
            {
                break;
            }

            Directory.Delete(folder);
        }
    }

    /// <summary>Retired output folders: left by earlier versions, or by a --force build that replaced someone's folder.</summary>
    private void DeleteRetiredOutputs()
    {
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(_parent, $".{_name}.retired-*").ToList())
            {
                DeleteQuietly(dir);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The parent folder went away or cannot be listed: nothing we may clean.
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            DeleteIfOurs(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another build is deleting it too, or a file is in use: the next build tries again.
        }
    }

    /// <summary>Deletes a folder only when it carries the build's mark; anything else is left alone.</summary>
    private static void DeleteIfOurs(string path)
    {
        if (Directory.Exists(path) && OutputMarker.IsMarked(path))
        {
            // The mark goes last: a deletion cut short leaves a folder that is still recognisably ours.
            foreach (var entry in Directory.EnumerateFileSystemEntries(path).Where(e => Path.GetFileName(e) != OutputMarker.FileName).ToList())
            {
                if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }

            Directory.Delete(path, recursive: true);
        }
    }
}
