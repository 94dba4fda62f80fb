namespace KneeGuide.Site.Output;

/// <summary>
/// Atomic publishing: the build writes into a fresh folder beside the output folder and swaps it in
/// only when the build has no errors, so a failed or interrupted build leaves the previous site as it
/// was. Every folder it makes carries <see cref="OutputMarker"/>, and it deletes only marked folders:
/// a leftover staging or retired folder from a killed build is removed by the next one, and a folder
/// of someone else's files with the same name is never touched.
/// </summary>
public sealed class OutputStaging
{
    private readonly string _parent;
    private readonly string _name;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _createdFolders = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);
    private Task _cleanup = Task.CompletedTask;

    public OutputStaging(string outputRoot)
    {
        OutputRoot = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        _parent = Path.GetDirectoryName(OutputRoot)!;
        _name = Path.GetFileName(OutputRoot);
        StagingRoot = Path.Combine(_parent, $".{_name}.staging");
    }

    public string OutputRoot { get; }

    public string StagingRoot { get; }

    /// <summary>Finishes deleting retired outputs (the preview server and tests wait; the CLI need not).</summary>
    public Task Cleanup => _cleanup;

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

    /// <summary>Makes an empty, marked staging folder; returns why it could not (a clear sentence, not an exception).</summary>
    public string? Prepare()
    {
        _createdFolders.Clear();
        _claimed.Clear();
        try
        {
            DeleteIfOurs(StagingRoot);
            Directory.CreateDirectory(StagingRoot);
            OutputMarker.Write(StagingRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot create the staging folder '{StagingRoot}' beside the output folder: {e.Message.TrimEnd('.')}. Choose an output folder in a place you can write to";
        }

        _cleanup = Task.Run(DeleteRetiredOutputs);
        return null;
    }

    /// <summary>Writes one file into the staging folder; the path must stay inside it.</summary>
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
    /// Swaps the staging folder in with two renames. The previous output is renamed aside and deleted
    /// in the background: deleting thousands of files is slow on some file systems and nobody waits for
    /// it. A retired folder left by a process that exited first is deleted by the next build.
    /// </summary>
    public void Commit()
    {
        if (Directory.Exists(OutputRoot))
        {
            if (!Directory.EnumerateFileSystemEntries(OutputRoot).Any())
            {
                // An empty folder the user made for the site: nothing to keep, nothing to retire.
                Directory.Delete(OutputRoot);
            }
            else
            {
                var retired = Path.Combine(_parent, $".{_name}.retired-{Guid.NewGuid():N}");
                var wasOurs = OutputMarker.IsMarked(OutputRoot);
                Directory.Move(OutputRoot, retired);
                if (!wasOurs)
                {
                    // Only reached with --force: the user asked for this folder's contents to be
                    // replaced. Marked now, so that a later build may finish deleting it.
                    OutputMarker.Write(retired);
                }

                _cleanup = Task.WhenAll(_cleanup, Task.Run(() => DeleteQuietly(retired)));
            }
        }

        Directory.Move(StagingRoot, OutputRoot);
    }

    public void Discard() => DeleteQuietly(StagingRoot);

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
