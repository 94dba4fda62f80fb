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
        var (written, inTheWay) = FrontMatterSchemas.WriteAll(settings.Out);
        foreach (var path in inTheWay)
        {
            Console.Error.WriteLine($"kneeguide schema: {Site.SiteBuilder.DisplayPath(path)} exists and was not written by this command: nothing was written. Move it, or use --out with another folder.");
        }

        foreach (var path in written)
        {
            Console.Out.WriteLine($"wrote {Site.SiteBuilder.DisplayPath(path)}");
        }

        return inTheWay.Count > 0 ? Program.UsageOrInternalError : Program.Success;
    }
}
