namespace KneeGuide.Site.Output;

/// <summary>
/// Atomic publishing: the build writes into a fresh folder beside the output folder and swaps it in
/// only when the build has no errors, so a failed or interrupted build leaves the previous site as it
/// was. A leftover staging folder from a killed build is removed by the next one.
/// </summary>
public sealed class OutputStaging
{
    public OutputStaging(string outputRoot)
    {
        OutputRoot = Path.GetFullPath(outputRoot.TrimEnd('/', '\\'));
        var parent = Path.GetDirectoryName(OutputRoot)!;
        var name = Path.GetFileName(OutputRoot);
        StagingRoot = Path.Combine(parent, $".{name}.staging");
        BackupRoot = Path.Combine(parent, $".{name}.previous");
        _parent = parent;
        _name = name;
    }

    private readonly string _parent;
    private readonly string _name;

    public string OutputRoot { get; }

    public string StagingRoot { get; }

    public string BackupRoot { get; }

    public void Prepare()
    {
        _createdFolders.Clear();
        _claimed.Clear();
        DeleteIfExists(StagingRoot);
        Directory.CreateDirectory(StagingRoot);
        _cleanup = Task.Run(DeleteRetiredOutputs);
    }

    private Task _cleanup = Task.CompletedTask;

    /// <summary>Finishes deleting retired outputs (the preview server and tests wait; the CLI need not).</summary>
    public Task Cleanup => _cleanup;

    /// <summary>Writes one file into the staging folder; the path must stay inside it.</summary>
    public string PathFor(string destination)
    {
        var full = Path.GetFullPath(Path.Combine(StagingRoot, destination));
        if (!full.StartsWith(StagingRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _createdFolders = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);

    /// <summary>True for the first writer of a destination in this build, false for any later one.</summary>
    public bool TryClaim(string destination) => _claimed.TryAdd(destination, 0);

    /// <summary>
    /// Swaps the staging folder in with two renames. The previous output is renamed aside and deleted
    /// in the background: deleting thousands of files is slow on some file systems and nobody waits for
    /// it. A retired folder left by a process that exited first is deleted by the next build.
    /// </summary>
    public void Commit()
    {
        DeleteIfExists(BackupRoot);
        if (Directory.Exists(OutputRoot))
        {
            var retired = Path.Combine(_parent, $".{_name}.retired-{Guid.NewGuid():N}");
            Directory.Move(OutputRoot, retired);
            _cleanup = Task.WhenAll(_cleanup, Task.Run(() => DeleteQuietly(retired)));
        }

        Directory.Move(StagingRoot, OutputRoot);
    }

    private void DeleteRetiredOutputs()
    {
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(_parent, $".{_name}.retired-*").ToList())
            {
                DeleteQuietly(dir);
            }
        }
        catch (IOException)
        {
            // The parent folder went away: nothing left to clean.
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            DeleteIfExists(path);
        }
        catch (IOException)
        {
            // Another build is deleting it too, or a file is in use: the next build tries again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Discard() => DeleteIfExists(StagingRoot);

    private static void DeleteIfExists(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
