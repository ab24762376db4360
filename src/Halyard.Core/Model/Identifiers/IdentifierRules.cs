namespace Halyard.Core.Model;

/// <summary>Validation shared by the string identifiers, so every id fails with the same kind of message.</summary>
internal static class IdentifierRules
{
    /// <summary>Throws when <paramref name="value"/> is empty, too long or holds whitespace or control characters.</summary>
    public static string Check(string? value, string paramName, int maxLength = 128)
    {
        if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{paramName} is empty", paramName);
        if (value.Length > maxLength) throw new ArgumentException($"{paramName} '{value}' is longer than {maxLength} characters", paramName);
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                throw new ArgumentException($"{paramName} '{value}' must not contain whitespace or control characters", paramName);
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is NAME-TAG: a hyphen with text either side.</summary>
    public static string CheckNameTag(string? value, string paramName, string example)
    {
        Check(value, paramName);
        int hyphen = value!.LastIndexOf('-');
        if (hyphen <= 0 || hyphen == value.Length - 1)
            throw new ArgumentException($"{paramName} '{value}' must be NAME-TAG with a hyphen, e.g. {example}", paramName);
        return value;
    }

    /// <summary>The part after the last hyphen ("001" of "TRADER-001").</summary>
    public static string Tag(string value)
    {
        int hyphen = value.LastIndexOf('-');
        return hyphen < 0 ? value : value[(hyphen + 1)..];
    }
}
