namespace KneeGuide.Tests.Support;

/// <summary>Two output folders compared file by file, byte for byte (KneeGuide's own mark aside, it is in both).</summary>
public static class OutputComparison
{
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    public static void AssertSame(string expectedFolder, string actualFolder, string context)
    {
        var expected = Snapshot(expectedFolder);
        var actual = Snapshot(actualFolder);
        var missing = expected.Keys.Except(actual.Keys).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"{context}: files differ; missing {string.Join(", ", missing)}; extra {string.Join(", ", extra)}");
        foreach (var (path, bytes) in expected)
        {
            if (!bytes.AsSpan().SequenceEqual(actual[path]))
            {
                Assert.Fail($"{context}: {path} differs\nexpected:\n{Excerpt(bytes, actual[path])}");
            }
        }
    }

    /// <summary>Where two files first differ, with some text around it.</summary>
    private static string Excerpt(byte[] expected, byte[] actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        string Around(byte[] b) => System.Text.Encoding.UTF8.GetString(b, Math.Max(0, at - 150), Math.Min(b.Length, at + 150) - Math.Max(0, at - 150));
        return $"{Around(expected)}\nactual:\n{Around(actual)}";
    }
}
