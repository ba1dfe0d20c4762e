namespace AssetAuction.Domain.Common;

/// <summary>The kind of rule a <see cref="DomainException"/> reports; the service maps it to a gRPC status.</summary>
public enum DomainErrorKind
{
    InvalidArgument,
    NotFound,
    FailedPrecondition,
    Aborted,
    PermissionDenied,
}

/// <summary>
/// A rule of the domain was broken. <see cref="Reason"/> is a stable UPPER_SNAKE code that
/// clients can switch on; <see cref="Metadata"/> names the things involved.
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

    /// <summary>For a FAILED_PRECONDITION: the precondition type (subject area) reported to clients.</summary>
    public string PreconditionSubject { get; init; } = "";

    public static DomainException NotFound(string reason, string resource) =>
        new(DomainErrorKind.NotFound, reason, $"{resource} does not exist.", new Dictionary<string, string> { ["resource"] = resource });

    public static DomainException Precondition(string reason, string subject, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        new(DomainErrorKind.FailedPrecondition, reason, message, metadata) { PreconditionSubject = subject };
}
