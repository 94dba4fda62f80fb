using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace KneeGuide.Core.Caching;

/// <summary>
/// One build at a time uses a cache folder. A build sweeps the encoded photos it did not use, so a
/// second build of the same project running at the same moment (a `build` beside a `serve`, two
/// test fixtures in one folder) could lose a file between finding it and copying it. The lock is a
/// file made with create-new (atomic on every file system .NET supports), holding the owner's
/// process id and start time: advisory file locks are switched off in the CLI for speed, and a file
/// left by a build that was killed is recognised as stale because its process is gone. Builds in
/// one process also queue on a semaphore per folder, since they share a process id.
/// </summary>
public sealed class CacheFolderLock : IDisposable
{
    private const string FileName = "build.lock";
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new(StringComparer.Ordinal);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _gate;
    private readonly string? _file;
    private int _released;

    private CacheFolderLock(SemaphoreSlim gate, string? file) => (_gate, _file) = (gate, file);

    /// <summary>
    /// Waits until no other build uses the folder, then holds it until disposed. When the folder
    /// cannot be written the build goes on without the cross-process lock (its cache cannot be
    /// saved there either, so it has nothing to protect).
    /// </summary>
    /// <param name="waiting">Told once, with the other build's process id, when the folder is busy.</param>
    public static async Task<CacheFolderLock> AcquireAsync(string folder, Action<int>? waiting, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(folder);
        var gate = InProcess.GetOrAdd(full, _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(0))
        {
            waiting?.Invoke(Environment.ProcessId);
            waiting = null;
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            var file = Path.Combine(full, FileName);
            while (true)
            {
                switch (TryCreate(file))
                {
                    case Outcome.Held:
                        return new CacheFolderLock(gate, file);
                    case Outcome.Unwritable:
                        return new CacheFolderLock(gate, null);
                }

                if (Holder(file) is { } other)
                {
                    waiting?.Invoke(other);
                    waiting = null;
                    await Task.Delay(Poll, cancellationToken);
                }
                else
                {
                    // The build that made it is gone (killed, or the machine restarted): take it over.
                    TryDelete(file);
                }
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        if (_file is not null)
        {
            TryDelete(_file);
        }

        _gate.Release();
    }

    private enum Outcome
    {
        Held,
        Busy,
        Unwritable,
    }

    private static Outcome TryCreate(string file)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.Write(Owner(Environment.ProcessId, CurrentStart()));
            return Outcome.Held;
        }
        catch (IOException) when (File.Exists(file))
        {
            return Outcome.Busy;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Outcome.Unwritable;
        }
    }

    /// <summary>The process id of a live build holding the file; null when the file is stale, unreadable or gone.</summary>
    private static int? Holder(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone between the two calls (the holder finished): try again at once.
            return File.Exists(file) ? Environment.ProcessId : null;
        }

        var parts = text.Split(' ');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var started))
        {
            // Half written by a holder that is writing it right now, or damaged: a fresh file is
            // someone's, an old one nobody's.
            return DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < TimeSpan.FromSeconds(5) ? Environment.ProcessId : null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return StartOf(process) == started ? pid : null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    private static string Owner(int pid, long started) => pid.ToString(CultureInfo.InvariantCulture) + " " + started.ToString(CultureInfo.InvariantCulture);

    private static long CurrentStart()
    {
        using var process = Process.GetCurrentProcess();
        return StartOf(process);
    }

    // Start time tells a live holder from a later process that was given the same id.
    private static long StartOf(Process process) => process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond;

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
