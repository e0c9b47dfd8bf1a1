// Signpost's checks in remark and in editors (VS Code: the remark extension), as `npm run check`
// reports them, with quick fixes. See docs/authoring.md, "Editors".
import signpost from 'signpost/remark';

export default { plugins: [[signpost, { guides: 'guide' }]] };
