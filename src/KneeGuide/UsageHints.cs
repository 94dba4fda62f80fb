using System.Reflection;
using System.Text.RegularExpressions;
using KneeGuide.Site.Diagnostics;
using Spectre.Console.Cli;

namespace KneeGuide.Cli;

/// <summary>
/// "Did you mean" for a mistyped command or option (`biuld`, `--ouput`), from the commands and the
/// options their settings declare: the same list the parser uses, so the hints cannot go stale.
/// </summary>
public static partial class UsageHints
{
    /// <summary>Command name -> its settings type.</summary>
    private static readonly IReadOnlyDictionary<string, Type> Commands = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["build"] = typeof(Commands.BuildCommand.Settings),
        ["serve"] = typeof(Commands.ServeCommand.Settings),
        ["new"] = typeof(Commands.NewCommand.Settings),
        ["reviews"] = typeof(Commands.ReviewsCommand.Settings),
        ["schema"] = typeof(Commands.SchemaCommand.Settings),
    };

    public static IReadOnlyCollection<string> CommandNames => Commands.Keys.ToList();

    /// <summary>The parser's message made helpful: a suggestion where a known name is close, the valid names otherwise.</summary>
    public static string Explain(string parserMessage, IReadOnlyList<string> args)
    {
        if (UnknownCommand().Match(parserMessage) is { Success: true } command)
        {
            var typed = command.Groups[1].Value;
            var near = Suggestions.Closest(typed, Commands.Keys);
            var hint = near is null ? "" : $" (did you mean '{near}'?)";
            return $"unknown command '{typed}'{hint}. The commands are {string.Join(", ", Commands.Keys)}; 'kneeguide --help' explains each";
        }

        if (UnknownOption().Match(parserMessage) is { Success: true } option && args.Count > 0 && Commands.TryGetValue(args[0], out var settings))
        {
            var typed = option.Groups[1].Value.TrimStart('-');
            var names = OptionNames(settings);
            var near = Suggestions.Closest(typed, names);
            var hint = near is null ? "" : $" (did you mean '--{near}'?)";
            return $"unknown option '--{typed}' for '{args[0]}'{hint}. See 'kneeguide {args[0]} --help' for its options";
        }

        return parserMessage.TrimEnd('.');
    }

    /// <summary>The long option names a command's settings declare ("output" for "-o|--output &lt;DIR&gt;").</summary>
    public static IReadOnlyList<string> OptionNames(Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(a => a.LongNames)
            .Append("help")
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex("^Unknown command '([^']*)'")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex("^Unknown option '([^']*)'")]
    private static partial Regex UnknownOption();
}
