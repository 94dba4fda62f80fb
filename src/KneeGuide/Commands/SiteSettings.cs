using System.ComponentModel;
using Spectre.Console.Cli;

namespace KneeGuide.Cli.Commands;

/// <summary>Folder options shared by build and serve.</summary>
public class SiteSettings : CommandSettings
{
    [CommandOption("-i|--input <DIR>")]
    [Description("The content folder (default: input).")]
    [DefaultValue("input")]
    public string Input { get; init; } = "input";

    [CommandOption("-t|--theme <DIR>")]
    [Description("The theme folder (default: theme).")]
    [DefaultValue("theme")]
    public string Theme { get; init; } = "theme";
}
