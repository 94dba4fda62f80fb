using System.Collections.Concurrent;
using KneeGuide.Core.Caching;

namespace KneeGuide.Site.Media;

/// <summary>
/// Encoded photos kept between builds, by what they were made from: the source's content hash, the
/// encoding (width, format, quality) and the encoder's version. A photo is encoded once; every later
/// build, and the preview, copies the kept file. The files live in .kneeguide/cache/media/ (every
/// file there is KneeGuide's own, named by its key).
/// </summary>
public sealed class DerivativeStore
{
    private readonly string _folder;
    private readonly bool _shared;
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    /// <param name="folder">Where the files are kept.</param>
    public DerivativeStore(string folder)
        : this(folder, shared: false)
    {
    }

    private DerivativeStore(string folder, bool shared) => (_folder, _shared) = (folder, shared);

    /// <summary>
    /// The store of a build whose cache has no folder of its own (tests, in-memory caches): one
    /// temporary folder shared by such builds, so never swept (another build may be using its files).
    /// </summary>
    public static DerivativeStore Temporary() => new(Path.Combine(Path.GetTempPath(), "kneeguide-media"), shared: true);

    /// <summary>The version of the encoder and of KneeGuide's encoding settings: part of every key.</summary>
    public static string EncoderVersion { get; } = "kneeguide-media-1;libvips-" + LibvipsVersion();

    /// <summary>The key of one encoded file.</summary>
    public static string Key(UInt128 sourceHash, string recipe, string extension) =>
        ContentHash.Hex(new ContentHash.Builder().Add(sourceHash).Add(recipe).Add(EncoderVersion).Finish()) + "." + extension;

    /// <summary>The kept file for this key, if there is one.</summary>
    public string? Find(string key)
    {
        _used[key] = 0;
        var path = Path.Combine(_folder, key);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Keeps a newly encoded file (written through a temporary name: a crash never leaves half a file).</summary>
    /// <summary>
    /// Keeps a newly encoded file, written through a temporary name (a crash never leaves half a
    /// file), and returns its path. Throws IOException when the folder cannot be written: the caller
    /// can still publish the bytes it has.
    /// </summary>
    public string Keep(string key, byte[] bytes)
    {
        _used[key] = 0;
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, key);
        var temporary = path + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// Deletes kept files this build did not use (photos deleted or changed, settings changed). Only
    /// files named like the store's own are touched, and only inside its folder.
    /// </summary>
    public void Sweep()
    {
        if (_shared || !Directory.Exists(_folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(_folder))
        {
            var name = Path.GetFileName(path);
            if (IsStoreName(name) && !_used.ContainsKey(name))
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    // 32 hex digits, a dot, an extension (or a leftover temporary file of a crashed build).
    private static bool IsStoreName(string name) =>
        name.Length > 33 && name[32] == '.' && name.AsSpan(0, 32).IndexOfAnyExcept("0123456789abcdef") < 0;

    private static string LibvipsVersion()
    {
        try
        {
            return $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return "unavailable";
        }
    }
}
