export default function HomePage() {
  return <main><h1>Operations consulting</h1></main>;
}
