namespace AssetAuction.Service.Grpc;

/// <summary>A request's shape is wrong: one violation per bad field, with proto field paths.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("The request has invalid fields: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

public sealed record FieldViolation(string Field, string Description);
