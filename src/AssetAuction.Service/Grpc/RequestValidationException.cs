using AssetAuction.Domain.Common;

namespace AssetAuction.Service.Grpc;

/// <summary>A request's shape is wrong: one violation per bad field, with proto field paths.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations, string reason = Reasons.InvalidArgument)
    : Exception("The request has invalid fields: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    /// <summary>The ErrorInfo reason: INVALID_ARGUMENT, or a more specific one (REQUEST_ID_REUSED, INVALID_PAGE_TOKEN).</summary>
    public string Reason { get; } = reason;
}

public sealed record FieldViolation(string Field, string Description);
