using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Site.Content;

/// <summary>Parses YAML text to a node tree, turning syntax errors into diagnostics at the file's line.</summary>
public static class YamlText
{
    public static YamlNode? Parse(string yaml, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && inner.Message.Length > 0 ? inner.Message : e.Message;
            // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the position is in the location already.
            var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0)
            {
                message = message[(cut + 3)..];
            }

            if (message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DuplicateKey, new SourceLocation(file, (int)e.Start.Line + lineOffset, (int)e.Start.Column), $"this key appears twice ({message.TrimEnd('.')}): keep one of them"));
                return null;
            }

            var explained = YamlErrorExplainer.Explain(yaml, message, (int)e.Start.Line, (int)e.Start.Column);
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MalformedYaml, new SourceLocation(file, explained.Line + lineOffset, explained.Column), explained.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unterminated flow
            // collections, e.g. "tags: [a" followed by more lines: report it where parsing stopped.
            var at = parser.LastStart;
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.MalformedYaml,
                new SourceLocation(file, (int)at.Line + lineOffset, (int)at.Column),
                "malformed YAML: a '[' list or '{' map opened near here is never closed, or a quote is unbalanced"));
            return null;
        }
    }

    /// <summary>Remembers where the last successfully parsed event started, for errors that carry no position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastStart { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastStart = current.Start;
            }

            return moved;
        }
    }
}
