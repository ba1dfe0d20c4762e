using AssetAuction.Domain.Common;

namespace AssetAuction.Service.Requests;

/// <summary>
/// A request's shape is wrong: one violation per bad field, with proto field paths. At most
/// <see cref="MaxViolations"/> are kept (the rest are only counted), so a hostile request cannot make a huge
/// error status, message or log line.
/// </summary>
public sealed class RequestValidationException : Exception
{
    public const int MaxViolations = 50;

    /// <summary>How many violations the message names; the BadRequest detail carries up to <see cref="MaxViolations"/>.</summary>
    private const int InMessage = 3;

    public RequestValidationException(IReadOnlyList<FieldViolation> violations, string reason = Reasons.InvalidArgument)
        : this(violations, violations.Count, reason)
    {
    }

    /// <summary>Violations of which only the first ones were spelled out; <paramref name="total"/> counts them all.</summary>
    public RequestValidationException(IReadOnlyList<FieldViolation> violations, int total, string reason = Reasons.InvalidArgument)
        : base(Describe(violations, total))
    {
        ArgumentNullException.ThrowIfNull(violations);
        Violations = [.. violations.Take(MaxViolations)];
        Omitted = Math.Max(0, total - Violations.Count);
        Reason = reason;
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>Violations found beyond the ones kept.</summary>
    public int Omitted { get; }

    /// <summary>The ErrorInfo reason: INVALID_ARGUMENT, or a more specific one (REQUEST_ID_REUSED, INVALID_PAGE_TOKEN).</summary>
    public string Reason { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations, int total)
    {
        var named = string.Join("; ", violations.Take(InMessage).Select(v => $"{v.Field}: {v.Description}"));
        return total <= InMessage
            ? "The request has invalid fields: " + named
            : $"The request has {total} invalid fields: {named}; and {total - InMessage} more"
              + (total > MaxViolations ? $" (the error details list the first {MaxViolations})." : " (listed in the error details).");
    }
}

public sealed record FieldViolation(string Field, string Description);
