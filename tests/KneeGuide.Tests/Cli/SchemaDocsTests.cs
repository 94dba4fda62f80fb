using System.Reflection;
using System.Text.Json.Nodes;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Schema;

namespace KneeGuide.Tests.Cli;

/// <summary>The committed editor aids (schemas, VS Code settings, the editor guide) agree with the code.</summary>
public sealed class SchemaDocsTests
{
    public static TheoryData<string> SchemaFiles => new(FrontMatterSchemas.Targets.Select(t => t.FileName));

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Committed_schema_equals_the_one_generated_from_the_model(string fileName)
    {
        var target = FrontMatterSchemas.Targets.Single(t => t.FileName == fileName);
        var committed = File.ReadAllText(Path.Combine(ServeTestSupport.RepoRoot, "schemas", fileName));

        Assert.True(committed == FrontMatterSchemas.Generate(target), $"schemas/{fileName} is stale: run 'dotnet run --project src/KneeGuide -- schema' and commit the result");
    }

    [Fact]
    public void Exercise_schema_follows_the_binder_rules()
    {
        var schema = JsonNode.Parse(FrontMatterSchemas.Generate(FrontMatterSchemas.Targets.Single(t => t.FileName == "exercise.schema.json")))!;

        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["title", "summary", "targets", "dosage", "steps"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("integer", schema["properties"]!["dosage"]!["properties"]!["hold_seconds"]!["type"]!.GetValue<string>());
        Assert.Equal(["each", "both", "left", "right"], schema["properties"]!["dosage"]!["properties"]!["side"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("string", schema["properties"]!["image"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Vscode_settings_map_every_schema_to_its_files()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(ServeTestSupport.RepoRoot, ".vscode", "settings.json")))!;
        var map = settings["yaml.schemas"]!.AsObject();
        foreach (var target in FrontMatterSchemas.Targets)
        {
            var globs = map["./schemas/" + target.FileName]!.AsArray().Select(n => n!.GetValue<string>());
            Assert.Equal(target.AppliesTo, globs);
        }
    }

    [Fact]
    public void The_editor_guide_explains_every_error_code()
    {
        var guide = File.ReadAllText(Path.Combine(ServeTestSupport.RepoRoot, "docs", "editor-guide.md"));
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string)).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($"### {code}", guide));
    }

    [Fact]
    public void Every_error_code_has_the_title_its_editor_guide_entry_gives()
    {
        var guide = File.ReadAllText(Path.Combine(ServeTestSupport.RepoRoot, "docs", "editor-guide.md")).ReplaceLineEndings("\n");
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)
            .ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), ErrorCodes.Titles.Keys);
        Assert.All(ErrorCodes.Titles, rule => Assert.Contains($"### {rule.Key}\n**{rule.Value}", guide));
    }
}
