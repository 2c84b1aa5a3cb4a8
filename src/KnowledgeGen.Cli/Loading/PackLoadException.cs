using System;

namespace KnowledgeGen.Cli.Loading;

/// <summary>A pack could not be loaded. The message is meant for the user, as it stands.</summary>
public sealed class PackLoadException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public PackLoadException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
