using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Site.Content;

/// <summary>
/// Binds a YAML node tree to the typed front matter classes, reporting every mistake (unknown key,
/// missing key, wrong type, invalid value) at the editor's line and column instead of stopping at the
/// first, as a deserializer would. Supported member types: string, int, bool, DateOnly, enums, nested
/// classes, IReadOnlyList&lt;T&gt;, IReadOnlyDictionary&lt;string, T&gt; and Located&lt;T&gt;.
/// </summary>
public sealed class YamlBinder(string file, int lineOffset, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _valueLocations = new(StringComparer.Ordinal);
    private int _errors;

    public bool HadErrors => _errors > 0;

    /// <summary>Where each bound key was written ("dosage", "dosage.sets", "reviewed"), for checks made after binding.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations => _locations;

    /// <summary>Where each bound key's value starts (after an opening quote), for checks of the value.</summary>
    public IReadOnlyDictionary<string, SourceLocation> ValueLocations => _valueLocations;

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

    /// <summary>
    /// Where a value's text starts: after the opening quote of a quoted scalar, so that a position
    /// inside the value (a link in an exercise step) lands on the right column of the file.
    /// </summary>
    private SourceLocation ValueAt(YamlNode node)
    {
        var at = At(node);
        return node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted }
            ? at with { Column = at.Column + 1 }
            : at;
    }

    public T? Bind<T>(YamlNode node) where T : class => Bind(typeof(T), node, "") as T;

    public object? Bind(Type type, YamlNode node, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Located<>))
        {
            var inner = Bind(underlying.GetGenericArguments()[0], node, path);
            return inner is null ? null : Activator.CreateInstance(underlying, inner, ValueAt(node));
        }

        if (node is YamlScalarNode scalar && IsNull(scalar) && type != typeof(string))
        {
            return Fail(node, ErrorCodes.WrongType, $"'{path}' is empty; expected {Describe(type)}");
        }

        if (underlying == typeof(string))
        {
            if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: [ '\u201C' or '\u2018', .., '\u201D' or '\u2019' ] curly })
            {
                // Word's curly quotes are not YAML quotes: they would show on the page around the text.
                diagnostics.Add(Diagnostic.Warning(ErrorCodes.CurlyQuotes, At(node), $"'{path}' is wrapped in curly quotes ({curly[0]}...{curly[^1]}), as Word types them: YAML keeps them as part of the text, so readers would see them. Use straight quotes \"...\" or none"));
            }

            return node is YamlScalarNode s ? s.Value ?? "" : Fail(node, ErrorCodes.WrongType, $"'{path}' must be text, not {Kind(node)}");
        }

        if (underlying == typeof(int))
        {
            return node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                ? i
                : Fail(node, ErrorCodes.WrongType, $"'{path}' must be a whole number, not {Show(node)}");
        }

        if (underlying == typeof(bool))
        {
            return node is YamlScalarNode s && bool.TryParse(s.Value, out var b)
                ? b
                : Fail(node, ErrorCodes.WrongType, $"'{path}' must be true or false, not {Show(node)}");
        }

        if (underlying == typeof(DateOnly))
        {
            return node is YamlScalarNode s && DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : Fail(node, ErrorCodes.InvalidValue, $"'{path}' must be an ISO date like 2026-03-14, not {Show(node)}");
        }

        if (underlying.IsEnum)
        {
            return BindEnum(underlying, node, path);
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return BindList(underlying.GetGenericArguments()[0], node, path);
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return BindMap(underlying.GetGenericArguments()[1], node, path);
        }

        return BindObject(underlying, node, path);
    }

    private object? BindEnum(Type type, YamlNode node, string path)
    {
        var names = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList();
        if (node is YamlScalarNode s && s.Value is { } v && names.Contains(v))
        {
            return Enum.Parse(type, v, ignoreCase: true);
        }

        var given = (node as YamlScalarNode)?.Value ?? "";
        return Fail(node, ErrorCodes.InvalidValue, $"'{path}' must be one of {string.Join(", ", names)}, not {Show(node)}", Suggestions.Closest(given, names));
    }

    private object? BindList(Type itemType, YamlNode node, string path)
    {
        if (node is not YamlSequenceNode seq)
        {
            return Fail(node, ErrorCodes.WrongType, $"'{path}' must be a list (e.g. [a, b] or one '- item' per line), not {Kind(node)}");
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        var index = 0;
        foreach (var child in seq.Children)
        {
            var itemPath = $"{path}[{index++}]";
            var value = Bind(itemType, child, itemPath);
            if (IsBlankText(value))
            {
                // "- " with nothing after it: an empty step or tag would publish as an empty bullet.
                Fail(child, ErrorCodes.EmptyValue, $"item {index} of '{path}' is empty: write it, or delete its '-' line");
                continue;
            }

            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private object? BindMap(Type valueType, YamlNode node, string path)
    {
        if (node is not YamlMappingNode map)
        {
            return Fail(node, ErrorCodes.WrongType, $"'{path}' must be a map of 'key: value' lines, not {Kind(node)}");
        }

        var dict = (IDictionary)Activator.CreateInstance(typeof(SortedDictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var value = Bind(valueType, valueNode, key);
            if (value is not null)
            {
                dict[key] = value;
            }
        }

        return Activator.CreateInstance(typeof(ReadOnlyDictionaryWrapper<>).MakeGenericType(valueType), dict);
    }

    private object? BindObject(Type type, YamlNode node, string path)
    {
        if (node is not YamlMappingNode map)
        {
            return Fail(node, ErrorCodes.WrongType, path.Length == 0 ? $"expected 'key: value' lines, not {Kind(node)}" : $"'{path}' must be a map of 'key: value' lines, not {Kind(node)}");
        }

        var members = YamlNames.Members(type);
        var instance = Activator.CreateInstance(type)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var full = path.Length == 0 ? key : $"{path}.{key}";
            if (!members.TryGetValue(key, out var property) && InvisibleCharacters.IndexOf(key) is var hidden and >= 0)
            {
                var at = At(keyNode);
                Report(ErrorCodes.InvisibleCharacter, at with { Column = at.Column + hidden }, $"the key '{InvisibleCharacters.Clean(key).Trim()}' has {InvisibleCharacters.Name(key[hidden])} in it, often pasted from Word or a web page: delete it and type an ordinary space where one is needed");
                seen.Add(InvisibleCharacters.Clean(key).Trim());
                continue;
            }

            if (property is null)
            {
                var suggestion = Suggestions.Closest(key, members.Keys);
                Fail(keyNode, ErrorCodes.UnknownKey, $"unknown key '{full}'", suggestion);

                // A misspelt required key is one mistake: don't also report the key as missing.
                if (suggestion is not null)
                {
                    seen.Add(suggestion);
                }

                continue;
            }

            seen.Add(key);
            _locations[full] = At(keyNode);
            _valueLocations[full] = At(valueNode);
            if (valueNode is YamlScalarNode { Value: null or "" } || valueNode is YamlScalarNode empty && IsNull(empty))
            {
                // An optional key with nothing after it ('updated:', 'hold_seconds: ""', what a web
                // editor writes for a field typed into and cleared) is absent; a required one is an error.
                if (!YamlMemberRules.For(property).Required)
                {
                    continue;
                }
            }

            var value = Bind(property.PropertyType, valueNode, full);
            if (value is not null && CheckValue(property, value, valueNode, full))
            {
                property.SetValue(instance, value);
            }
        }

        foreach (var (key, property) in members)
        {
            if (!seen.Contains(key) && YamlMemberRules.For(property).Required)
            {
                var name = path.Length == 0 ? key : $"{path}.{key}";
                Fail(map, ErrorCodes.MissingKey, $"missing required key '{name}'");
            }
        }

        return instance;
    }

    /// <summary>
    /// The checks a value's declaration asks for beyond its type: a required value may not be empty
    /// (an empty title would publish an empty heading), a [Range] number must be in its range.
    /// </summary>
    private bool CheckValue(PropertyInfo property, object value, YamlNode node, string path)
    {
        var rules = YamlMemberRules.For(property);
        if (rules.Required)
        {
            var what = rules.Description?.TrimEnd('.') ?? "a value";
            if (IsBlankText(value))
            {
                Fail(node, ErrorCodes.EmptyValue, $"'{path}' is empty, but it is required ({what}): write it after '{path.Split('.')[^1]}:'");
                return false;
            }

            if (value is ICollection { Count: 0 })
            {
                Fail(node, ErrorCodes.EmptyValue, $"'{path}' is an empty list, but it needs at least one item ({what})");
                return false;
            }
        }

        if (rules.Range is { } range && value is int number
            && (number < (int)range.Minimum || number > (int)range.Maximum))
        {
            Fail(node, ErrorCodes.OutOfRange, $"'{path}' is {number}, which makes no sense for a patient: it must be from {range.Minimum} to {range.Maximum}");
            return false;
        }

        if (rules.Pattern is { } pattern && Text(value) is { } text && !pattern.IsMatch(text))
        {
            Fail(node, ErrorCodes.InvalidValue, $"'{path}' {rules.PatternMessage ?? "has the wrong form"}, not '{text}'");
            return false;
        }

        return true;
    }

    private static string? Text(object value) => value switch
    {
        string text => text,
        Located<string> located => located.Value,
        _ => null,
    };

    private static bool IsBlankText(object? value) => value switch
    {
        string text => string.IsNullOrWhiteSpace(text),
        Located<string> located => string.IsNullOrWhiteSpace(located.Value),
        _ => false,
    };

    private object? Fail(YamlNode node, string code, string message, string? suggestion = null)
    {
        Report(code, At(node), message, suggestion);
        return null;
    }

    private void Report(string code, SourceLocation at, string message, string? suggestion = null)
    {
        _errors++;
        diagnostics.Add(Diagnostic.Error(code, at, message, suggestion));
    }

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");

    private static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a map",
        _ => $"'{((YamlScalarNode)node).Value}'",
    };

    private static string Show(YamlNode node) => Kind(node);

    private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type).Name switch
    {
        "Int32" => "a number",
        "Boolean" => "true or false",
        "DateOnly" => "a date",
        _ => "a value",
    };
}

/// <summary>
/// The checks a front matter property declares with attributes, read once per property: reflection
/// over attributes is slow enough to show in a 5,000-page build when repeated for every value.
/// </summary>
public sealed record YamlMemberRules(bool Required, string? Description, RangeAttribute? Range, System.Text.RegularExpressions.Regex? Pattern, string? PatternMessage)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PropertyInfo, YamlMemberRules> Cache = new();

    public static YamlMemberRules For(PropertyInfo property) => Cache.GetOrAdd(property, p =>
    {
        var pattern = p.GetCustomAttribute<RegularExpressionAttribute>();
        return new YamlMemberRules(
            p.GetCustomAttribute<RequiredAttribute>() is not null,
            p.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description,
            p.GetCustomAttribute<RangeAttribute>(),
            pattern is null ? null : new System.Text.RegularExpressions.Regex(pattern.Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant),
            pattern?.ErrorMessage);
    });
}

/// <summary>Snake_case key names for the properties of a front matter class, cached per type.</summary>
public static class YamlNames
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Cache = new();

    public static IReadOnlyDictionary<string, PropertyInfo> Members(Type type) =>
        Cache.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => SnakeCase(p.Name), p => p, StringComparer.Ordinal));

    public static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}

/// <summary>A sorted, read-only map (credits.yml) so enumeration order is deterministic.</summary>
public sealed class ReadOnlyDictionaryWrapper<T>(SortedDictionary<string, T> inner) : IReadOnlyDictionary<string, T>
{
    public T this[string key] => inner[key];

    public IEnumerable<string> Keys => inner.Keys;

    public IEnumerable<T> Values => inner.Values;

    public int Count => inner.Count;

    public bool ContainsKey(string key) => inner.ContainsKey(key);

    public bool TryGetValue(string key, out T value) => inner.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => inner.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
