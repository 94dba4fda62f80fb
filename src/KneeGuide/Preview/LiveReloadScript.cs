namespace KneeGuide.Cli.Preview;

/// <summary>The browser side of live reload (live-reload.js, embedded in the assembly).</summary>
public static class LiveReloadScript
{
    public static byte[] Bytes { get; } = Load();

    private static byte[] Load()
    {
        using var stream = typeof(LiveReloadScript).Assembly.GetManifestResourceStream("KneeGuide.Cli.Preview.live-reload.js")
            ?? throw new InvalidOperationException("live-reload.js is not embedded in the assembly");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
