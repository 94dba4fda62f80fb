using System.Threading.Channels;

namespace KneeGuide.Cli.Preview;

/// <summary>
/// Watches the input and theme folders and calls back once per burst of changes: editors' saves often
/// arrive as several events (write, rename, attribute change), so changes are collected for a short quiet
/// period before a rebuild, and changes made during a rebuild cause exactly one more.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();

    public SourceWatcher(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Renamed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Error += (_, _) => _changes.Writer.TryWrite("(watcher overflow)");
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>
    /// How long no event must arrive before a burst counts as finished. One save's events (write,
    /// truncate, rename) arrive within a few milliseconds; 50 ms leaves margin while keeping it a
    /// small part of edit-to-reload now that a body edit rebuilds in tens of milliseconds.
    /// </summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="onChange"/> after each burst of changes until cancelled.</summary>
    public async Task RunAsync(Func<IReadOnlyList<string>, Task> onChange, CancellationToken cancellationToken)
    {
        var reader = _changes.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            var changed = new SortedSet<string>(StringComparer.Ordinal);
            do
            {
                while (reader.TryRead(out var path))
                {
                    changed.Add(path);
                }

                await Task.Delay(Quiet, cancellationToken);
            }
            while (reader.TryPeek(out _));

            await onChange(changed.ToList());
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }
}
