using KneeGuide.Tests.Reliability;

namespace KneeGuide.Tests.Cli;

/// <summary>`schema --out` rewrites its own schema files, and never a file it did not write.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class SchemaCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kneeguide-tests", "schema-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task Schema_rewrites_the_schemas_it_wrote_before()
    {
        Assert.Equal(0, (await ConsoleCapture.RunAsync("schema", "--out", _folder)).Code);

        var (code, stdout, _) = await ConsoleCapture.RunAsync("schema", "--out", _folder);

        Assert.Equal(0, code);
        Assert.Contains("exercise.schema.json", stdout);
    }

    [Fact]
    public async Task Schema_refuses_to_overwrite_a_file_it_did_not_write()
    {
        Directory.CreateDirectory(_folder);
        var mine = Path.Combine(_folder, "article.schema.json");
        File.WriteAllText(mine, "{ \"my\": \"own schema\" }");

        var (code, _, stderr) = await ConsoleCapture.RunAsync("schema", "--out", _folder);

        Assert.Equal(2, code);
        Assert.Contains("was not written by this command", stderr);
        Assert.Equal("{ \"my\": \"own schema\" }", File.ReadAllText(mine));
        Assert.False(File.Exists(Path.Combine(_folder, "exercise.schema.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
