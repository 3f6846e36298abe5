// GitHub renders `<a id="name"></a>` as a link target; remark-validate-links only knows headings and
// nodes with an id, so each such anchor (parsed as the inline node `<a id="name">`) is given its id.
const ANCHOR = /^<a id="([^"]+)">(?:<\/a>)?$/

function visit(node, onHtml) {
  if (node.type === 'html') onHtml(node)
  for (const child of node.children ?? []) visit(child, onHtml)
}

export default function remarkHtmlAnchors() {
  return (tree) => {
    visit(tree, (node) => {
      const id = ANCHOR.exec(node.value.trim())?.[1]
      if (id) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } }
    })
  }
}
