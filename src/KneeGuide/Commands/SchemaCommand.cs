using System.ComponentModel;
using KneeGuide.Site.Schema;
using Spectre.Console.Cli;

namespace KneeGuide.Cli.Commands;

/// <summary><c>kneeguide schema</c>: regenerates the JSON Schemas that VS Code uses to complete and check fields.</summary>
public sealed class SchemaCommand : Command<SchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Folder to write the *.schema.json files into (default: schemas).")]
        [DefaultValue("schemas")]
        public string Out { get; init; } = "schemas";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (var path in FrontMatterSchemas.WriteAll(settings.Out))
        {
            Console.Out.WriteLine($"wrote {Site.SiteBuilder.DisplayPath(path)}");
        }

        return Program.Success;
    }
}
