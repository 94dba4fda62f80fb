using NetVips;

namespace KneeGuide.Site.Media.Images;

/// <summary>
/// The native image library (libvips, through NetVips), set up once per process for a build that
/// already runs its pages in parallel on every core, and the gate every image operation goes through.
/// </summary>
internal static class ImageEngine
{
    /// <summary>
    /// Images worked on at once. Each runs on one libvips thread (below), so this many keep every core
    /// busy; more would only hold more decoded pixels in memory at the same time.
    /// </summary>
    private static readonly SemaphoreSlim Slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    // Runs once; a failure (the native library missing for this platform) is kept and rethrown to every caller.
    private static readonly Lazy<bool> Ready = new(Initialise, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs one image operation on a free slot, turning libvips' errors into <see cref="ImageProcessingException"/>.</summary>
    public static T Run<T>(string path, Func<T> operation)
    {
        _ = Ready.Value;
        Slots.Wait();
        try
        {
            return operation();
        }
        catch (VipsException e)
        {
            throw new ImageProcessingException($"{path}: {FirstLine(e.Message)}", e);
        }
        finally
        {
            Slots.Release();
        }
    }

    private static bool Initialise()
    {
        if (!ModuleInitializer.VipsInitialized)
        {
            throw new ImageProcessingException(
                "the native image library (libvips, from the NetVips.Native package) could not be loaded: "
                + (ModuleInitializer.Exception?.Message ?? "unknown reason"), ModuleInitializer.Exception);
        }

        // No operation cache: a build never asks for the same operation on the same image twice, and
        // the cache would keep decoded images (and open files) alive across the whole build.
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 0;
        // One worker thread per image, whatever the machine: parallelism comes from working on several
        // images at once (Slots). It also keeps the bytes identical from machine to machine: the AVIF
        // encoder's output depends on its thread count (measured in bench/imaging/RESULTS.md).
        NetVips.NetVips.Concurrency = 1;
        // Loaders that were never fuzzed (ImageMagick, MATLAB, FITS and the like) cannot run at all,
        // whatever a file's content claims; SourceImage also accepts only the five web formats.
        NetVips.NetVips.BlockUntrusted = true;
        return true;
    }

    private static string FirstLine(string message)
    {
        var trimmed = message.Trim();
        var newline = trimmed.IndexOf('\n');
        return newline < 0 ? trimmed : trimmed[..newline].TrimEnd();
    }
}
