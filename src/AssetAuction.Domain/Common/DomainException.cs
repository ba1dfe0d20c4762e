namespace AssetAuction.Domain.Common;

/// <summary>
/// What kind of refusal a <see cref="DomainException"/> is, in the domain's words. The service maps each kind to
/// a status code in one place (Service/Grpc/ErrorMapping.cs); the domain knows nothing of the transport.
/// </summary>
public enum DomainErrorKind
{
    /// <summary>The input contradicts itself or the thing it is about (a co-owner the asset does not have, a negative amount).</summary>
    InvalidInput,

    /// <summary>The thing named does not exist (or the caller may not know it does).</summary>
    NotFound,

    /// <summary>The law, or the state the thing is in, does not allow the action now; <see cref="DomainException.Subject"/> names what it is about.</summary>
    RuleViolated,
}

/// <summary>
/// A rule of the domain was broken. <see cref="Reason"/> is a stable UPPER_SNAKE code from <see cref="Reasons"/>
/// that clients can switch on; <see cref="Metadata"/> names the things involved.
/// </summary>
public class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string reason, string message, IReadOnlyDictionary<string, string>? metadata = null)
        : base(message)
    {
        Kind = kind;
        Reason = reason;
        Metadata = metadata ?? new Dictionary<string, string>();
    }

    public DomainErrorKind Kind { get; }

    public string Reason { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>For <see cref="DomainErrorKind.RuleViolated"/>: what the rule is about (an asset's name, "rules", ...).</summary>
    public string Subject { get; init; } = "";

    public static DomainException NotFound(string reason, string resource) =>
        new(DomainErrorKind.NotFound, reason, $"{resource} does not exist.", new Dictionary<string, string> { ["resource"] = resource });

    /// <summary>A precondition of the action is not met: <see cref="DomainErrorKind.RuleViolated"/> about <paramref name="subject"/>.</summary>
    public static DomainException Precondition(string reason, string subject, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        new(DomainErrorKind.RuleViolated, reason, message, metadata) { Subject = subject };

    public static DomainException InvalidInput(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        new(DomainErrorKind.InvalidInput, reason, message, metadata);
}
