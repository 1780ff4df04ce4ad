/// Leerlijn's version.
public enum LeerlijnVersion {
    /// The semantic version of the package and the tool.
    public static let string = "0.1.0"
}
